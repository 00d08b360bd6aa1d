import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThreeDSecureProvider, ThreeDSecureReturnStatus } from '../../../src/react';
import { payjpBackend } from './payjpBackend';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={payjpBackend} workflow="redirect">
      <h1>本人認証の結果</h1>
      <ThreeDSecureReturnStatus retryAction={<a href="/payjp.html?workflow=redirect">もう一度認証する</a>} />
    </ThreeDSecureProvider>
  </StrictMode>,
);
