// (b) A hand-written React integration in the order of PAY.JP's official sample, pay.js loaded on
// the click (as a React page that does not want pay.js on every route would): load pay.js if it is
// not there → Payjp(pk) → POST the backend to create the three_d_secure_request →
// payjp.openThreeDSecureIframe(id) → ask the backend for the result. Same backend as the kit.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PAYJS_URL, PUBLIC_KEY, savedCardId } from './shared';

interface Payjs {
  openThreeDSecureIframe(id: string): Promise<void>;
}
type PayjpStatic = (key: string, options?: { threeDSecureWorkflow?: 'iframe' }) => Payjs;

function loadPayjs(): Promise<PayjpStatic> {
  const loaded = (window as { Payjp?: PayjpStatic }).Payjp;
  if (loaded) return Promise.resolve(loaded);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = PAYJS_URL;
    script.onload = () => resolve((window as unknown as { Payjp: PayjpStatic }).Payjp);
    script.onerror = () => reject(new Error('pay.js could not be loaded'));
    document.head.append(script);
  });
}

function VerifyCard({ cardId }: { cardId: string }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      const Payjp = await loadPayjs();
      const payjp = Payjp(PUBLIC_KEY, { threeDSecureWorkflow: 'iframe' });
      const response = await fetch('/api/payjp/card-verifications', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ cardId }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { verification } = (await response.json()) as { verification: { id: string } };
      setStatus('カード会社の画面で認証してください。');
      try {
        await payjp.openThreeDSecureIframe(verification.id);
      } catch {
        // Canceled or failed: the server's status decides either way.
      }
      const result = await fetch(`/api/payjp/card-verifications/${encodeURIComponent(verification.id)}`, { headers: { accept: 'application/json' } });
      const { verification: after } = (await result.json()) as { verification: { outcome: string } };
      setStatus(after.outcome === 'succeeded' ? 'カードの本人認証が完了しました。' : '本人認証できませんでした。');
    } catch (error) {
      setStatus(String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        カードの本人認証をする
      </button>
      <p role="status">{status}</p>
    </>
  );
}

function SavedCard() {
  const [cardId, setCardId] = useState<string | null>(null);
  useEffect(() => void savedCardId().then(setCardId), []);
  return cardId ? <VerifyCard cardId={cardId} /> : <p>…</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SavedCard />
  </StrictMode>,
);
