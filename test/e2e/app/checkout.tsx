import './reactVersion';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KurocoCheckout, ThreeDSecureProvider } from '../../../src/react';
import { KUROCO_URL, backend } from './backend';

const params = new URLSearchParams(location.search);
const productId = Number(params.get('product') ?? 41201);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={backend}>
      <h1>ご注文手続き</h1>
      <KurocoCheckout
        order={() => ({
          product_id: productId,
          quantity: 1,
          ec_payment_id: 58,
          card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}`,
        })}
        allowedActionOrigins={[KUROCO_URL]}
      />
    </ThreeDSecureProvider>
  </StrictMode>,
);
