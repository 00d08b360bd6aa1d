// The kit's PAY.JP usage as a merchant writes it (README quick start, own button on the hook).
// Everything imported is used, so tree-shaking cannot drop it.
import { createRoot } from 'react-dom/client';
import { ThreeDSecureProvider, createPayjpBackend, useThreeDSecure } from 'react-3ds-kit';

const backend = createPayjpBackend({ baseUrl: '/api/3ds' });

function Verify({ cardId }) {
  const { start, state, error } = useThreeDSecure();
  return (
    <button type="button" disabled={state !== 'idle'} onClick={() => void start({ cardId })}>
      {error ? error.message : state}
    </button>
  );
}

createRoot(document.getElementById('root')).render(
  <ThreeDSecureProvider backend={backend} publicKey="pk_test_0123456789abcdef">
    <Verify cardId="car_0123456789" />
  </ThreeDSecureProvider>,
);
