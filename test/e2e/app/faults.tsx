// Test-only page for test/e2e/faults.spec.ts: the quick starts with knobs the fault tests need
// (a short backend timeout, another pay.js or PAY.JP backend, remounting on demand), in StrictMode.
//   ?flow=kuroco&product=…&timeoutMs=…
//   ?flow=payjp&workflow=…&timeoutMs=…&payjs=<pay.js URL>&startOrigin=<3-D Secure origin>
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createKurocoBackend, createPayjpBackend, type ThreeDSecureWorkflow } from '../../../src/core';
import { KurocoCheckout, ThreeDSecureProvider, VerifyCardButton } from '../../../src/react';
import { KUROCO_URL } from './backend';
import { PAYJP_ORIGIN } from './payjpBackend';

const params = new URLSearchParams(location.search);
const timeoutMs = params.has('timeoutMs') ? Number(params.get('timeoutMs')) : undefined;
const workflow = (params.get('workflow') ?? 'iframe') as ThreeDSecureWorkflow;
const payjsUrl = params.get('payjs') ?? `${PAYJP_ORIGIN}/payjs/v2/pay.js`;
const startOrigin = params.get('startOrigin') ?? PAYJP_ORIGIN;

const kuroco = createKurocoBackend({
  baseUrl: KUROCO_URL,
  auth: { type: 'token', token: 'sandbox-access-token' },
  returnPath: '/return.html',
  ...(timeoutMs ? { timeoutMs } : {}),
});
const payjp = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [startOrigin], ...(timeoutMs ? { timeoutMs } : {}) });

function KurocoFlow() {
  const productId = Number(params.get('product') ?? 41201);
  return (
    <ThreeDSecureProvider backend={kuroco}>
      <KurocoCheckout
        order={() => ({ product_id: productId, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` })}
        allowedActionOrigins={[KUROCO_URL]}
      />
    </ThreeDSecureProvider>
  );
}

function PayjpFlow() {
  const [cardId, setCardId] = useState<string | null>(null);
  useEffect(() => {
    void fetch('/api/payjp-demo/cards')
      .then((response) => response.json() as Promise<{ cards: Array<{ id: string }> }>)
      .then((answer) => setCardId(answer.cards[0]!.id));
  }, []);
  return (
    <ThreeDSecureProvider backend={payjp} publicKey="pk_test_sandbox" jsUrl={payjsUrl} workflow={workflow}>
      {cardId ? <VerifyCardButton cardId={cardId} pollDelaysMs={[0, 300, 600, 1000]} /> : <p>…</p>}
    </ThreeDSecureProvider>
  );
}

function App() {
  // window.__remount() unmounts and mounts the flow again, as a route change and back would.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    (window as { __remount?: () => void }).__remount = () => setGeneration((value) => value + 1);
  }, []);
  return (
    <main data-generation={generation}>
      <h1>{params.get('flow') === 'payjp' ? 'カードの本人認証' : 'ご注文手続き'}</h1>
      {params.get('flow') === 'payjp' ? <PayjpFlow key={generation} /> : <KurocoFlow key={generation} />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
