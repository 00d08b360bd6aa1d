import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PayjpCardElement, ThreeDSecureProvider, toThreeDSecureError, usePayjpCard } from '../../../src/react';
import { PAYJP_ORIGIN, payjpBackend, workflow } from './payjpBackend';

/** Token-time 3-D Secure: the token is usable once the server has confirmed it. */
function Register() {
  const card = usePayjpCard();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState('');
  const register = async () => {
    try {
      const result = await card.createVerifiedToken({ name, email });
      if (result.status === 'verified') setStatus(`${result.token.id} を登録できます。`);
    } catch (error) {
      setStatus(toThreeDSecureError(error).code);
    }
  };
  return (
    <>
      <PayjpCardElement card={card.card} />
      <label>
        カード名義（ローマ字）
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        メールアドレス
        <input value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <button type="button" onClick={() => void register()} disabled={!card.ready}>
        カードを登録する
      </button>
      <p role="status">{status}</p>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThreeDSecureProvider backend={payjpBackend} publicKey="pk_test_sandbox" jsUrl={`${PAYJP_ORIGIN}/payjs/v2/pay.js`} workflow={workflow}>
      <h1>カードの登録</h1>
      <Register />
    </ThreeDSecureProvider>
  </StrictMode>,
);
