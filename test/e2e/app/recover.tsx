import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PendingAttemptNotice, ThreeDSecureProvider } from '../../../src/react';
import { PAYJP_REFS_BASE, payjpRefsBackend } from './payjpBackend';

// Where the handler with attemptReferences sends shoppers back: in any browser, the notice reads the
// outcome by the URL's signed reference (or this tab's own unsettled attempt).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={payjpRefsBackend} workflow="redirect">
      <h1>お支払いの確認</h1>
      <PendingAttemptNotice baseUrl={PAYJP_REFS_BASE} />
    </ThreeDSecureProvider>
  </StrictMode>,
);
