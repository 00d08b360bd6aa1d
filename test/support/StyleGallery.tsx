import type { ReactNode } from 'react';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { PaygentCardForm } from '../../src/react/PaygentCardForm';
import { PayjpCheckout } from '../../src/react/PayjpCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { ThreeDSecureReturnStatus } from '../../src/react/ThreeDSecureReturnStatus';

/** The sandbox's Paygent settings and stand-in script, on the test server's origin. */
const PAYGENT = { merchantId: '39999', tokenGeneratePubkey: 'sandbox-token-key', jsUrl: '/paygent/js/PaygentToken.js' };

export interface StyleGalleryProps {
  /** Wraps the components (a theme attribute, token overrides). */
  wrap?: (children: ReactNode) => ReactNode;
}

/**
 * One of each kind of drop-in component, against the sandbox: the PAY.JP checkout (card element,
 * fields, pay button), the Paygent card form with its order button, and a return page with no saved
 * attempt (its alert and retry link). For tests of the stylesheet, with and without it.
 */
export function StyleGallery({ wrap = (children) => children }: StyleGalleryProps) {
  const payjp = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [location.origin] });
  const kuroco = createKurocoBackend({ baseUrl: location.origin, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/sandbox-return.html' });
  return wrap(
    <>
      <ThreeDSecureProvider backend={payjp} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow="iframe">
        <PayjpCheckout order={{ cart: 'basic' }} split />
      </ThreeDSecureProvider>
      <ThreeDSecureProvider backend={kuroco}>
        <PaygentCardForm paygent={PAYGENT} order={{ product_id: 41201, quantity: 1, ec_payment_id: 58 }} allowedActionOrigins={[location.origin]} />
        <ThreeDSecureReturnStatus retryAction={<a href="#checkout">ご注文手続きに戻る</a>} />
      </ThreeDSecureProvider>
    </>,
  );
}
