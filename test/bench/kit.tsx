// (a) The kit, as README's quick start: ThreeDSecureProvider (fetches pay.js when it mounts) and VerifyCardButton.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createPayjpBackend } from '../../src/core';
import { ThreeDSecureProvider, VerifyCardButton } from '../../src/react';
import { PAYJS_URL, PUBLIC_KEY, SANDBOX_URL, savedCardId } from './shared';

const backend = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [SANDBOX_URL] });

function SavedCard() {
  const [cardId, setCardId] = useState<string | null>(null);
  useEffect(() => void savedCardId().then(setCardId), []);
  return cardId ? <VerifyCardButton cardId={cardId} /> : <p>…</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={backend} publicKey={PUBLIC_KEY} jsUrl={PAYJS_URL} workflow="iframe">
      <SavedCard />
    </ThreeDSecureProvider>
  </StrictMode>,
);
