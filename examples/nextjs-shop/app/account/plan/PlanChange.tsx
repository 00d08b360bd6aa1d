'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ThreeDSecureProvider, VerifyCardButton, type CardVerification } from 'react-3ds-kit';
import type { PayjpPageProps } from '../../payjpPageProps';
import { usePayjpBackend } from '../../usePayjpBackend';

interface SavedCard {
  id: string;
  brand: string;
  last4: string;
}

/** Verifies the saved card with 3-D Secure, then asks the server (which re-reads the result) to change the plan. */
export function PlanChange({ publicKey, payjsUrl, startOrigin, card }: PayjpPageProps & { card: SavedCard }) {
  const router = useRouter();
  const backend = usePayjpBackend(startOrigin);
  const [answer, setAnswer] = useState<string | null>(null);

  async function changePlan(verification: CardVerification) {
    const response = await fetch('/api/plan', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verificationId: verification.id }),
    });
    setAnswer(response.ok ? 'プレミアムプランに変更しました。' : 'カードの本人認証を確認できなかったため、プランは変更していません。');
    router.refresh();
  }

  return (
    <ThreeDSecureProvider backend={backend} publicKey={publicKey} workflow="iframe" {...(payjsUrl ? { jsUrl: payjsUrl } : {})}>
      <p>
        お支払いに使うカード: {card.brand} **** {card.last4}
      </p>
      <VerifyCardButton cardId={card.id} onSucceeded={(verification) => void changePlan(verification)}>
        本人認証してプレミアムプランに変更する
      </VerifyCardButton>
      {answer ? <p data-testid="plan-answer">{answer}</p> : null}
    </ThreeDSecureProvider>
  );
}
