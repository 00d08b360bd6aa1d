import { useId, useRef, useState, type FormEvent } from 'react';
import { createPayjpBackend, toThreeDSecureError, type ThreeDSecureError, type ThreeDSecureWorkflow } from '../../src/core';
import { PayjpCardElement, ThreeDSecureProvider, usePayjpCard } from '../../src/react';
import { DemoFrame, type DemoFrameHandle } from './DemoFrame';
import { POLL_DELAYS_MS } from './PayjpDemo';

/** Registers a card with token-time 3-D Secure, built on usePayjpCard().createVerifiedToken. */
function RegisterCard({ navigate }: { navigate(url: string): void }) {
  const card = usePayjpCard();
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'redirecting'>('idle');
  const [error, setError] = useState<ThreeDSecureError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setState('busy');
    try {
      const result = await card.createVerifiedToken({ name, email }, { navigate });
      // A real shop now sends result.token.id to its server, which attaches it to the customer.
      setState(result.status === 'verified' ? 'done' : 'redirecting');
    } catch (cause) {
      setError(toThreeDSecureError(cause));
      setState('idle');
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <PayjpCardElement card={card.card} />
      <div>
        <label htmlFor={`${id}-name`}>カード名義（ローマ字）</label>
        <input id={`${id}-name`} autoComplete="cc-name" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div>
        <label htmlFor={`${id}-email`}>メールアドレス</label>
        <input id={`${id}-email`} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <button type="submit" disabled={!card.ready || state === 'busy' || state === 'done'}>
        カードを登録する
      </button>
      <p role="status" aria-live="polite">
        {state === 'busy' ? '本人認証を行っています…' : state === 'done' ? 'カードを登録しました（3Dセキュア認証済み）。' : ''}
      </p>
      {error ? (
        <div role="alert" data-error-code={error.code}>
          カードを登録できませんでした（{error.code}）。
        </div>
      ) : null}
    </form>
  );
}

/** Token-time 3-D Secure (トークン作成時の3Dセキュア) against the sandbox, with each workflow. */
export function PayjpTokenDemo({ workflow = 'iframe' }: { workflow?: ThreeDSecureWorkflow }) {
  const [backend] = useState(() => createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [window.location.origin] }));
  const frame = useRef<DemoFrameHandle>(null);
  return (
    <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow={workflow}>
      <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560 }}>
        <h1 style={{ fontSize: 20 }}>カードの登録（PAY.JP サンドボックス・トークン3Dセキュア）</h1>
        <RegisterCard navigate={(url) => (workflow === 'redirect' ? frame.current?.navigate(url) : window.location.assign(url))} />
        {workflow === 'redirect' ? (
          <>
            <DemoFrame ref={frame} pollDelaysMs={POLL_DELAYS_MS} />
          </>
        ) : null}
      </main>
    </ThreeDSecureProvider>
  );
}
