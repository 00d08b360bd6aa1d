import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PayjpCheckout, ThreeDSecureProvider } from '../../../src/react';
import { pageBackend, payjsUrl, workflow } from './payjpBackend';

// Charge-time 3-D Secure, as README's recipe: the server prices `order`, never the browser.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={pageBackend} publicKey="pk_test_sandbox" jsUrl={payjsUrl} workflow={workflow}>
      <h1>お支払い</h1>
      <PayjpCheckout order={{ cart: 'basic' }} />
    </ThreeDSecureProvider>
  </StrictMode>,
);
