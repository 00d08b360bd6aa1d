// Two providers on one page share nothing, in Chromium against the sandbox: each client places its
// own order and posts its own hand-off once, under StrictMode, and a provider remount with the
// app's client keeps its purchase.
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createThreeDSecureClient } from '../../src/core/client/createThreeDSecureClient';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { KurocoCheckout } from '../../src/react/KurocoCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';

const backend = createKurocoBackend({ baseUrl: location.origin, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/sandbox-return.html' });
const order = () => ({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` });

function addFrame(name: string) {
  const frame = document.createElement('iframe');
  frame.name = name;
  document.body.append(frame);
  return frame;
}
const showsChallenge = (frame: HTMLIFrameElement) => Boolean(frame.contentDocument?.querySelector('[data-outcome="pass"]'));

afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll('iframe[name^="two-providers-"]').forEach((frame) => frame.remove());
});

describe('two providers on one page in Chromium', () => {
  it('each places its own order and posts its own hand-off once, under StrictMode', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const purchase = vi.spyOn(backend, 'purchase');
    const [left, right] = [addFrame('two-providers-a'), addFrame('two-providers-b')];
    const screen = await render(
      <StrictMode>
        <ThreeDSecureProvider client={createThreeDSecureClient({ backend })}>
          <KurocoCheckout order={order} target="two-providers-a" allowedActionOrigins={[location.origin]} submitLabel="A" />
        </ThreeDSecureProvider>
        <ThreeDSecureProvider client={createThreeDSecureClient({ backend })}>
          <KurocoCheckout order={order} target="two-providers-b" allowedActionOrigins={[location.origin]} submitLabel="B" />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    await screen.getByRole('button', { name: 'A' }).click();
    await expect.poll(() => showsChallenge(left), { timeout: 15_000 }).toBe(true);
    await expect.element(screen.getByRole('button', { name: 'B' })).toBeEnabled();
    await screen.getByRole('button', { name: 'B' }).click();
    await expect.poll(() => showsChallenge(right), { timeout: 15_000 }).toBe(true);
    expect(purchase).toHaveBeenCalledTimes(2);
    expect(submit).toHaveBeenCalledTimes(2);
  }, 40_000);
});
