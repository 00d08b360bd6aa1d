// The stand-in pay.js in Chromium against a PAY.JP account that runs token 3-D Secure on every
// token (`tokenThreeDSecure: 'always'`, served from its own origin as pay.js is): createToken opens
// the challenge even without `three_d_secure: true`, finishes the token and resolves it verified;
// with the redirect workflow it returns the token unverified (the charge then needs it finished).
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { PayjpElementsApi, PayjpInstance, PayjsElement, PayjsToken, PayjsTokenError } from '../../src/core/payjp/payjs';

type Payjs = PayjpInstance & PayjpElementsApi;
const PK = 'pk_test_sandbox';
const SK = 'sk_test_sandbox';
const origin = inject('payjpAlwaysOrigin');
const Payjp = (options?: { threeDSecureWorkflow?: string }): Payjs => (window as unknown as { Payjp: (pk: string, o?: unknown) => Payjs }).Payjp(PK, options);

beforeAll(async () => {
  const script = document.createElement('script');
  script.src = `${origin}/payjs/v2/pay.js`;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  await loaded;
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  // A failed test must not leave its overlay to the next one.
  for (const frame of document.querySelectorAll('iframe[src*="/v1/tds/"]')) (frame.closest('body > *') ?? frame).remove();
});

async function mountedCard(payjp: Payjs): Promise<PayjsElement> {
  const element = payjp.elements().create('card');
  const div = document.createElement('div');
  div.id = `always-${Math.random().toString(36).slice(2)}`;
  document.body.append(div);
  const ready = new Promise<void>((resolve) => element.on('ready', () => resolve()));
  element.mount(`#${div.id}`);
  cleanups.push(() => {
    element.unmount();
    div.remove();
  });
  await ready;
  for (const [name, value] of [['number', '4242424242424242'], ['expiry', '1235'], ['cvc', '123']] as const) {
    const input = div.querySelector<HTMLInputElement>(`input[data-payjs-field="${name}"]`);
    if (!input) throw new Error(`no ${name} input`);
    await userEvent.type(input, value);
  }
  return element;
}

function isError(result: PayjsToken | PayjsTokenError): result is PayjsTokenError {
  return 'error' in result && result.error !== undefined;
}

/** Charges the token with the secret key: PAY.JP refuses an unfinished 3-D Secure token (`unverified_token`). */
async function charge(tokenId: string) {
  const response = await fetch(`${origin}/v1/charges`, {
    method: 'POST',
    headers: { Authorization: `Basic ${btoa(`${SK}:`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ amount: '1000', currency: 'jpy', card: tokenId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("tokenThreeDSecure: 'always'", () => {
  it('iframe workflow: createToken without three_d_secure opens the challenge, then resolves the finished, verified token', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'iframe' });
    const element = await mountedCard(payjp);
    const pending = payjp.createToken(element);
    const frame = await vi.waitFor(
      () => {
        const found = document.querySelector<HTMLIFrameElement>(`iframe[src^="${origin}/v1/tds/"]`);
        if (!found) throw new Error('no challenge iframe yet');
        return found;
      },
      { timeout: 10_000, interval: 50 },
    );
    // The challenge is on another origin: Playwright clicks in it as the shopper would.
    await commands.clickInFrame(frame.src, '認証する');
    const result = await pending;
    if (isError(result)) throw new Error(result.error.message);
    expect(result).toMatchObject({ id: expect.stringMatching(/^tok_/), card: { three_d_secure_status: 'verified' } });
    // pay.js finished it: the shop's server can charge it at once; the overlay is gone.
    expect(await charge(result.id)).toMatchObject({ status: 200, body: { paid: true } });
    expect(document.querySelector(`iframe[src^="${origin}/v1/tds/"]`)).toBeNull();
  }, 30_000);

  it('redirect workflow: the token comes back unverified, without a challenge, and cannot be charged yet', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'redirect' });
    const element = await mountedCard(payjp);
    const result = await payjp.createToken(element);
    if (isError(result)) throw new Error(result.error.message);
    expect(result.card.three_d_secure_status).toBe('unverified');
    expect(document.querySelector('iframe[src*="/v1/tds/"]')).toBeNull();
    expect(await charge(result.id)).toMatchObject({ status: 400, body: { error: { code: 'unverified_token' } } });
  }, 30_000);
});
