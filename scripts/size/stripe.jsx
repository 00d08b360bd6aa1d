// The same job with Stripe: the loader from @stripe/stripe-js and the React bindings, then
// 3-D Secure on a saved card (confirmCardPayment with an existing payment method).
import { createRoot } from 'react-dom/client';
import { loadStripe } from '@stripe/stripe-js';
import { Elements, useStripe } from '@stripe/react-stripe-js';

const stripePromise = loadStripe('pk_test_0123456789abcdef');

function Verify({ clientSecret, paymentMethod }) {
  const stripe = useStripe();
  return (
    <button
      type="button"
      disabled={!stripe}
      onClick={() => void stripe.confirmCardPayment(clientSecret, { payment_method: paymentMethod })}
    >
      Verify
    </button>
  );
}

createRoot(document.getElementById('root')).render(
  <Elements stripe={stripePromise}>
    <Verify clientSecret="pi_0123_secret_4567" paymentMethod="pm_0123456789" />
  </Elements>,
);
