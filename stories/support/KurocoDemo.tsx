import { useId, useState } from 'react';
import type { KurocoBackend, KurocoOrderInput, Locale } from '../../src/core';
import { KurocoCheckout, ThreeDSecureProvider } from '../../src/react';
import { DemoFrame } from './DemoFrame';
import { createSandboxKurocoBackend } from './sandboxBackend';

export interface KurocoDemoProps {
  /** The `ECOrder::purchase` body (the kit adds `card_options.card_3dsec_return_url`). */
  order: KurocoOrderInput;
  /** Defaults to the sandbox on this origin. */
  backend?: KurocoBackend;
  locale?: Locale;
  /** Short waits keep the demos quick; the kit's default is [0, 1000, 2000, 3000, 5000]. */
  pollDelaysMs?: number[];
  /** Where the ACS form may post. @default this origin (the sandbox's issuer) */
  allowedActionOrigins?: string[];
  /** KurocoCheckout's way on after a refused 3-D Secure form. */
  failureHref?: string;
}

/**
 * A checkout against the sandbox with the shopper's browser shown as a frame: the ACS form is
 * submitted into it, the sandbox's issuer page appears there, and when Kuroco sends the frame to the
 * return URL the demo confirms the outcome below it, as a real return page would.
 */
export function KurocoDemo({ order, backend, locale = 'ja', pollDelaysMs = [0, 300, 600, 900], allowedActionOrigins, failureHref }: KurocoDemoProps) {
  const [kuroco] = useState(() => backend ?? createSandboxKurocoBackend());
  const frameName = `kuroco-3ds-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const en = locale === 'en';

  return (
    <ThreeDSecureProvider backend={kuroco} locale={locale}>
      <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640 }}>
        <h1 style={{ fontSize: 20 }}>{en ? 'Checkout (Kuroco × Paygent sandbox)' : 'ご注文手続き（Kuroco × Paygent サンドボックス）'}</h1>
        <pre aria-label={en ? 'Order' : 'ご注文内容'} style={{ background: 'rgba(127, 127, 127, 0.12)', padding: 8, fontSize: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(order, null, 2)}
        </pre>
        <KurocoCheckout order={order} target={frameName} allowedActionOrigins={allowedActionOrigins ?? [window.location.origin]} {...(failureHref ? { failureHref } : {})} />
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
