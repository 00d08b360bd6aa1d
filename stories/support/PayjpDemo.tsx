import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPayjpBackend, type Locale, type ThreeDSecureWorkflow } from '../../src/core';
import { ThreeDSecureProvider, VerifyCardButton } from '../../src/react';
import { DemoFrame, type DemoFrameHandle } from './DemoFrame';

/** What the demo merchant backend (test/support/payjpDemoBackend.ts) says about its signed-in shopper. */
interface DemoCards {
  customerId: string;
  cards: Array<{ id: string; brand: string; last4: string }>;
  otherCustomersCardId: string;
}

/** Where the demo handler is mounted: the default policy, or one that refuses `attempted`. */
export type DemoPolicy = 'default' | 'strict';

export interface PayjpDemoProps {
  workflow?: ThreeDSecureWorkflow;
  locale?: Locale;
  policy?: DemoPolicy;
  /** Verify somebody else's card, to show that the server refuses it. */
  othersCard?: boolean;
  /** What the page does once the card is verified (the seed's plan change, say). */
  children?: (props: { cardLabel: string; verifyButton: ReactNode }) => ReactNode;
}

/** Short waits keep the demos quick; the kit's default is [0, 500, 1000, 2000, 3000, 5000, 8000]. */
export const POLL_DELAYS_MS = [0, 300, 600, 1000, 1500, 2500, 4000];

export function useDemoCards() {
  const [cards, setCards] = useState<DemoCards | null>(null);
  useEffect(() => {
    let live = true;
    void fetch('/api/payjp-demo/cards')
      .then((response) => response.json() as Promise<DemoCards>)
      .then((answer) => live && setCards(answer));
    return () => {
      live = false;
    };
  }, []);
  return cards;
}

/**
 * Customer-card 3-D Secure against the sandbox: the kit's handler (over the official `payjp` SDK)
 * creates the request, the sandbox's stand-in pay.js shows its issuer page, the handler's verdict
 * decides. The redirect workflow runs in a frame here, so the demo keeps its place.
 */
export function PayjpDemo({ workflow = 'iframe', locale = 'ja', policy = 'default', othersCard = false, children }: PayjpDemoProps) {
  const [backend] = useState(() =>
    createPayjpBackend({ baseUrl: policy === 'strict' ? '/api/payjp-strict' : '/api/payjp', allowedStartOrigins: [window.location.origin] }),
  );
  const cards = useDemoCards();
  const frame = useRef<DemoFrameHandle>(null);
  const en = locale === 'en';

  const card = cards ? (othersCard ? { id: cards.otherCustomersCardId, brand: 'JCB', last4: '0000' } : cards.cards[0]) : undefined;
  const cardLabel = card ? `${card.brand} •••• ${card.last4}` : '';
  const verifyButton = card ? (
    <VerifyCardButton
      cardId={card.id}
      pollDelaysMs={POLL_DELAYS_MS}
      {...(workflow === 'redirect' ? { navigate: (url: string) => frame.current?.navigate(url) } : {})}
    />
  ) : (
    <p role="status">{en ? 'Loading saved cards…' : '登録済みカードを読み込んでいます…'}</p>
  );

  return (
    <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow={workflow} locale={locale}>
      <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640 }}>
        {children ? (
          children({ cardLabel, verifyButton })
        ) : (
          <>
            <h1 style={{ fontSize: 20 }}>{en ? 'Verify a saved card (PAY.JP sandbox)' : '登録済みカードの本人認証（PAY.JP サンドボックス）'}</h1>
            <p>
              {en ? 'Card' : 'カード'}: {cardLabel} · {en ? 'workflow' : 'ワークフロー'}: {workflow}
            </p>
            {verifyButton}
          </>
        )}
        {workflow === 'redirect' ? (
          <>
            <DemoFrame ref={frame} locale={locale} pollDelaysMs={POLL_DELAYS_MS} />
          </>
        ) : null}
      </main>
    </ThreeDSecureProvider>
  );
}
