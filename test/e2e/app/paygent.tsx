import './reactVersion';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PaygentCardForm, ThreeDSecureProvider } from '../../../src/react';
import { KUROCO_URL, backend } from './backend';

// The kit's own card form: PaygentToken.js (the sandbox's) makes the token, then the purchase.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={backend}>
      <h1>カードでのお支払い</h1>
      <PaygentCardForm
        paygent={{ merchantId: '39999', tokenGeneratePubkey: 'sandbox-token-key', jsUrl: `${KUROCO_URL}/paygent/js/PaygentToken.js` }}
        order={{ product_id: 41201, quantity: 1, ec_payment_id: 58 }}
        allowedActionOrigins={[KUROCO_URL]}
      />
    </ThreeDSecureProvider>
  </StrictMode>,
);
