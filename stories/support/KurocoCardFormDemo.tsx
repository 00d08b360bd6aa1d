import { useId, useState } from 'react';
import type { KurocoBackend, KurocoOrderInput, Locale } from '../../src/core';
import { PaygentCardForm, ThreeDSecureProvider } from '../../src/react';
import { DemoFrame } from './DemoFrame';
import { createSandboxKurocoBackend } from './sandboxBackend';

/** The sandbox's Paygent token settings (src/sandbox/README.md), and its PaygentToken.js on this origin. */
export const SANDBOX_PAYGENT = { merchantId: '39999', tokenGeneratePubkey: 'sandbox-token-key', jsUrl: '/paygent/js/PaygentToken.js' } as const;

export interface KurocoCardFormDemoProps {
  /** The `ECOrder::purchase` body without `card_token` (the form adds it). */
  order: KurocoOrderInput;
  locale?: Locale;
  /** Paygent settings; defaults to the sandbox's. */
  paygent?: { merchantId: string; tokenGeneratePubkey: string; jsUrl?: string };
  /** Called with each order sent to Kuroco (the stories check that none is sent for a bad card). */
  onPurchaseRequest?(order: KurocoOrderInput): void;
  pollDelaysMs?: number[];
}

/**
 * A real card form against the sandbox: PaygentToken.js tokenises the card at click time, the order
 * goes to the sandbox's Kuroco API, and the 3-D Secure pages open in the demo frame, whose return
 * lands on the return status below (as in KurocoDemo).
 */
export function KurocoCardFormDemo({ order, locale = 'ja', paygent = SANDBOX_PAYGENT, onPurchaseRequest, pollDelaysMs = [0, 300, 600, 900] }: KurocoCardFormDemoProps) {
  const [kuroco] = useState<KurocoBackend>(() => {
    const backend = createSandboxKurocoBackend();
    return {
      ...backend,
      purchase: (input) => {
        onPurchaseRequest?.(input);
        return backend.purchase(input);
      },
    };
  });
  const frameName = `kuroco-card-3ds-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const en = locale === 'en';

  return (
    <ThreeDSecureProvider backend={kuroco} locale={locale}>
      <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640 }}>
        <h1 style={{ fontSize: 20 }}>{en ? 'Card payment (Kuroco × Paygent sandbox)' : 'カードでのお支払い（Kuroco × Paygent サンドボックス）'}</h1>
        <p style={{ fontSize: 13 }}>
          {en ? 'Test card: 4242 4242 4242 4242, any future expiry, any 3-digit code.' : 'テストカード: 4242 4242 4242 4242、有効期限は未来の年月、セキュリティコードは任意の3桁'}
        </p>
        <PaygentCardForm paygent={paygent} order={order} target={frameName} allowedActionOrigins={[window.location.origin]} />
        <DemoFrame
          name={frameName}
          locale={locale}
          pollDelaysMs={pollDelaysMs}
          retryAction={<a href="#top">{en ? 'Back to checkout' : 'ご注文手続きに戻る'}</a>}
        />
      </main>
    </ThreeDSecureProvider>
  );
}
