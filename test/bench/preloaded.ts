// (c) The floor: hand-written, no React, pay.js loaded with the page by a script tag and Payjp(pk)
// created up front, as PAY.JP's PHP sample pages do. A click costs the backend round trip and the
// issuer's page, nothing else.
import { PUBLIC_KEY, savedCardId } from './shared';

interface Payjs {
  openThreeDSecureIframe(id: string): Promise<void>;
}
declare const Payjp: (key: string, options?: { threeDSecureWorkflow?: 'iframe' }) => Payjs;

const payjp = Payjp(PUBLIC_KEY, { threeDSecureWorkflow: 'iframe' });
const button = document.getElementById('verify') as HTMLButtonElement;
const status = document.getElementById('status')!;
const cardId = await savedCardId();
button.disabled = false;

button.addEventListener('click', async () => {
  button.disabled = true;
  const response = await fetch('/api/payjp/card-verifications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ cardId }),
  });
  const { verification } = (await response.json()) as { verification: { id: string } };
  try {
    await payjp.openThreeDSecureIframe(verification.id);
  } catch {
    // Canceled or failed: the server's status decides either way.
  }
  status.textContent = verification.id;
  button.disabled = false;
});
