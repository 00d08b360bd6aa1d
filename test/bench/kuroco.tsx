// Kuroco EC × Paygent checkout through the kit: KurocoCheckout places the order, and on the
// purchase answer AcsFormAutoSubmit posts the ACS form to the 3-D Secure connector.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createKurocoBackend } from '../../src/core';
import { KurocoCheckout, ThreeDSecureProvider } from '../../src/react';
import { SANDBOX_URL } from './shared';

const backend = createKurocoBackend({ baseUrl: SANDBOX_URL, auth: { type: 'token', token: () => 'sandbox-access-token' }, returnPath: '/return.html' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={backend}>
      <KurocoCheckout
        order={() => ({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` })}
        allowedActionOrigins={[SANDBOX_URL]}
      />
    </ThreeDSecureProvider>
  </StrictMode>,
);
