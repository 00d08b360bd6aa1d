import { useRef, useState } from 'react';
import { createPayjpBackend, type Locale, type ThreeDSecureWorkflow } from '../../src/core';
import { PayjpCheckout, ThreeDSecureProvider } from '../../src/react';
import { DemoFrame, type DemoFrameHandle } from './DemoFrame';
import { POLL_DELAYS_MS } from './PayjpDemo';

/** The demo shop's carts, priced by the server (test/support/payjpDemoBackend.ts). */
const CARTS = { basic: '¥1,200', premium: '¥4,800', big: '¥12,000' } as const;

export interface PayjpCheckoutDemoProps {
  workflow?: ThreeDSecureWorkflow;
  cart?: keyof typeof CARTS;
  split?: boolean;
  locale?: Locale;
  /** Talk to the demo handler whose clock is 31 minutes ahead (PAY.JP's 3-D Secure window is 30). */
  late?: boolean;
  /** Show the consent box PAY.JP's 3-D Secure data needs (`consent` prop, default wording). */
  consent?: boolean;
}

/**
 * A first-time shopper's checkout with charge-time 3-D Secure: payjs card fields (the sandbox's
 * stand-in), the cardholder details PAY.JP asks for, and the kit's handler pricing the cart.
 */
export function PayjpCheckoutDemo({ workflow = 'iframe', cart = 'basic', split = false, locale = 'ja', late = false, consent = false }: PayjpCheckoutDemoProps) {
  const [backend] = useState(() => createPayjpBackend({ baseUrl: late ? '/api/payjp-late' : '/api/payjp', allowedStartOrigins: [window.location.origin] }));
  const frame = useRef<DemoFrameHandle>(null);
  const en = locale === 'en';
  return (
    <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow={workflow} locale={locale}>
      <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560 }}>
        <h1 style={{ fontSize: 20 }}>{en ? 'Checkout (PAY.JP sandbox)' : 'お支払い（PAY.JP サンドボックス）'}</h1>
        <p>
          {en ? 'Cart' : 'カート'}: {cart} — {CARTS[cart]} ({en ? 'priced by the server' : '金額はサーバーが決めます'})
        </p>
        <PayjpCheckout
          order={{ cart }}
          split={split}
          pollDelaysMs={POLL_DELAYS_MS}
          {...(consent ? { consent: {} } : {})}
          {...(workflow === 'redirect' ? { navigate: (url: string) => frame.current?.navigate(url) } : {})}
        />
        {workflow === 'redirect' ? (
          <>
            <DemoFrame ref={frame} locale={locale} pollDelaysMs={POLL_DELAYS_MS} />
          </>
        ) : null}
      </main>
    </ThreeDSecureProvider>
  );
}
