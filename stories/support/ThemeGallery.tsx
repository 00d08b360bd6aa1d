import { useState, type CSSProperties } from 'react';
import { createPayjpBackend } from '../../src/core';
import { PaygentCardForm, PayjpCheckout, ThreeDSecureProvider, ThreeDSecureReturnStatus, VerifyCardButton } from '../../src/react';
import { SANDBOX_PAYGENT } from './KurocoCardFormDemo';
import { POLL_DELAYS_MS, useDemoCards } from './PayjpDemo';
import { createSandboxKurocoBackend } from './sandboxBackend';

export interface ThemeGalleryProps {
  /** Sets data-r3k-theme on the page; left out, the components follow the OS setting. */
  theme?: 'light' | 'dark';
  /** --r3k-* token overrides, set on the page element (as an app would on :root). */
  tokens?: Record<`--r3k-${string}`, string>;
}

// The demo page around the components (not part of the kit's look).
const PAGE = {
  light: { background: '#f3f4f6', color: '#1f2328' },
  dark: { background: '#0d1117', color: '#e6edf3' },
} as const;

/**
 * Every drop-in component with `react-3ds-kit/styles.css`, against the sandbox: the PAY.JP checkout and
 * the saved-card button, the Kuroco × Paygent card form, and a return page without a saved attempt
 * (its alert). The page background is the demo's own; the components draw their panels.
 */
export function ThemeGallery({ theme, tokens }: ThemeGalleryProps) {
  const [payjp] = useState(() => createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [window.location.origin] }));
  const [kuroco] = useState(() => createSandboxKurocoBackend());
  const cards = useDemoCards();
  const card = cards?.cards[0];
  const page = PAGE[theme ?? 'light'];
  const style: CSSProperties = { ...page, ...tokens, padding: 16, fontFamily: 'system-ui, sans-serif' };
  return (
    <main data-r3k-theme={theme} style={style}>
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>react-3ds-kit/styles.css</h1>
      <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))', alignItems: 'start' }}>
        <ThreeDSecureProvider backend={payjp} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow="iframe">
          <section aria-label="PAY.JP">
            <h2 style={{ fontSize: 16 }}>PayjpCheckout</h2>
            <PayjpCheckout order={{ cart: 'basic' }} pollDelaysMs={POLL_DELAYS_MS} />
            <h2 style={{ fontSize: 16 }}>VerifyCardButton</h2>
            {card ? <VerifyCardButton cardId={card.id} pollDelaysMs={POLL_DELAYS_MS} /> : <p role="status">登録済みカードを読み込んでいます…</p>}
          </section>
        </ThreeDSecureProvider>
        <ThreeDSecureProvider backend={kuroco}>
          <section aria-label="Kuroco × Paygent">
            <h2 style={{ fontSize: 16 }}>PaygentCardForm</h2>
            <PaygentCardForm paygent={SANDBOX_PAYGENT} order={{ product_id: 41201, quantity: 1, ec_payment_id: 58 }} allowedActionOrigins={[window.location.origin]} />
            <h2 style={{ fontSize: 16 }}>ThreeDSecureReturnStatus</h2>
            <ThreeDSecureReturnStatus retryAction={<a href="#top">ご注文手続きに戻る</a>} />
          </section>
        </ThreeDSecureProvider>
      </div>
    </main>
  );
}
