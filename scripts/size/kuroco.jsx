// The kit's Kuroco-only usage: place the order, then hand the shopper to the ACS form.
// No PAY.JP import here: the bundle must not carry any PAY.JP code.
import { createRoot } from 'react-dom/client';
import { AcsFormAutoSubmit, ThreeDSecureProvider, createKurocoBackend, useKurocoPurchase } from 'react-3ds-kit';

const backend = createKurocoBackend({ baseUrl: 'https://example.g.kuroco.app', auth: { type: 'cookie' }, returnPath: '/order/3dsec/' });

function Checkout() {
  const { purchase, data, error, isPending } = useKurocoPurchase();
  if (data?.acsHtml) return <AcsFormAutoSubmit html={data.acsHtml} />;
  return (
    <button type="button" disabled={isPending} onClick={() => purchase({ ec_payment_id: 1, order_products: [{ product_id: 1, quantity: 1 }] })}>
      {error ? error.message : 'Pay'}
    </button>
  );
}

createRoot(document.getElementById('root')).render(
  <ThreeDSecureProvider backend={backend}>
    <Checkout />
  </ThreeDSecureProvider>,
);
