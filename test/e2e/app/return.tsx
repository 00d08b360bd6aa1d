import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThreeDSecureProvider, ThreeDSecureReturnStatus } from '../../../src/react';
import { backend } from './backend';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={backend}>
      <h1>お支払い結果</h1>
      <ThreeDSecureReturnStatus pollDelaysMs={[0, 300, 600, 900, 1200]} retryAction={<a href="/">ご注文手続きに戻る</a>} />
    </ThreeDSecureProvider>
  </StrictMode>,
);
