// F4: the kit's HTTP client never follows a redirect. The API origin answers with a redirect to
// another origin, which allows every CORS request: in Chromium nothing (not even a preflight) may
// reach it, so neither the Kuroco access token nor a guest charge tag leaves the configured origin,
// and the call ends in a typed error instead of taking the other origin's answer.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { ThreeDSecureError } from '../../src/core/errors';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';

const TOKEN = 'SECRET-ACCESS-TOKEN';

async function rejection(promise: Promise<unknown>): Promise<ThreeDSecureError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ThreeDSecureError);
    return error as ThreeDSecureError;
  }
  throw new Error('expected a rejection');
}

afterEach(async () => {
  await commands.stopRedirectPair();
});

describe('no redirects with credentials', () => {
  it.each([307, 308, 302, 301, 303])('Kuroco purchase() and the status read refuse a %i to another origin, and the token goes nowhere else', async (status) => {
    const { api } = await commands.startRedirectPair(status);
    const backend = createKurocoBackend({ baseUrl: api, returnPath: '/order/3dsec/', auth: { type: 'token', token: TOKEN } });

    const purchase = await rejection(backend.purchase({ ec_payment_id: 1, product_id: 1, quantity: 1 }));
    expect(purchase.code).toBe('backend_error');
    expect(purchase.message).toMatch(/redirect/);
    const read = await rejection(backend.getPaymentStatus(9));
    expect(read.code).toBe('backend_error');

    expect(await commands.redirectedRequests()).toEqual([]);
  }, 30_000);

  it('a cookie-authenticated Kuroco backend does not follow one either', async () => {
    const { api } = await commands.startRedirectPair(307);
    const backend = createKurocoBackend({ baseUrl: api, returnPath: '/order/3dsec/', auth: { type: 'cookie' } });
    expect((await rejection(backend.getPaymentStatus(9))).code).toBe('backend_error');
    expect(await commands.redirectedRequests()).toEqual([]);
  }, 30_000);

  it('the merchant backend (PAY.JP) keeps its headers and charge tag on its own origin', async () => {
    const { api } = await commands.startRedirectPair(307);
    const backend = createPayjpBackend({ baseUrl: `${api}/api/3ds`, headers: { 'x-csrf-token': 'csrf-secret' } });
    const error = await rejection(backend.finishCharge('ch_abc', { chargeTag: 'guest-tag' }));
    expect(error.code).toBe('backend_error');
    expect(await commands.redirectedRequests()).toEqual([]);
  }, 30_000);
});
