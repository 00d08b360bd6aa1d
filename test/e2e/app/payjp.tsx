import './reactVersion';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ThreeDSecureProvider, VerifyCardButton } from '../../../src/react';
import { payjpBackend, payjsUrl, workflow } from './payjpBackend';

function SavedCard() {
  const [cardId, setCardId] = useState<string | null>(null);
  useEffect(() => {
    void fetch('/api/payjp-demo/cards')
      .then((response) => response.json() as Promise<{ cards: Array<{ id: string }> }>)
      .then((answer) => setCardId(answer.cards[0]!.id));
  }, []);
  return cardId ? <VerifyCardButton cardId={cardId} /> : <p>…</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={payjpBackend} publicKey="pk_test_sandbox" jsUrl={payjsUrl} workflow={workflow}>
      <h1>カードの本人認証</h1>
      <SavedCard />
    </ThreeDSecureProvider>
  </StrictMode>,
);
