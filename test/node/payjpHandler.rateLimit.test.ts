// PAY.JP's rate limit (429 over_capacity; the sandbox's `rateLimit` option) through the kit's
// server with the official SDK: a typed, retryable answer (503 backend_error, providerCode
// over_capacity, `retryable: true`, Retry-After) that the browser backend surfaces with its status.
import Payjp3 from 'payjp3';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY as PK, SANDBOX_PAYJP_SECRET_KEY as SK, type SandboxServer } from '../../src/sandbox';
import { createPayjpHandler, type PayjpClientLike } from '../../src/server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setup() {
  const clock = { now: Date.UTC(2030, 0, 15, 3, 0, 0) };
  const sandbox: SandboxServer = await createSandbox({ payjp: { rateLimit: { requests: 3, perMs: 1000 }, now: () => clock.now } }).listen();
  cleanups.push(() => sandbox.close());
  const sdk = Payjp3(SK, { apibase: sandbox.payjpApiBase, timeout: 5000 }) as unknown as PayjpClientLike & { tokens: { create(query: object, headers: object): Promise<{ id: string }> } };
  const handler = createPayjpHandler({
    secretKey: SK,
    publicKey: PK,
    resolveCustomer: () => 'cus_any',
    resolveCharge: () => ({ amount: 1000 }),
    payjp: sdk,
    apiBase: sandbox.payjpApiBase,
    returnUrls: ['https://shop.example/back'],
    now: () => clock.now,
  });
  const backend = createPayjpBackend({ baseUrl: 'https://shop.example/api/3ds', fetch: (input, init) => handler(new Request(input, init)) });
  return { clock, sdk, handler, backend };
}

describe("PAY.JP's 429 over_capacity", () => {
  it('polling a token over the limit: 503 backend_error, retryable, Retry-After; the next window answers again', async () => {
    const { clock, sdk, handler } = await setup();
    const token = await sdk.tokens.create({ card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' }, three_d_secure: true }, { 'X-Payjp-Direct-Token-Generate': 'true' });
    const poll = () => handler(new Request(`https://shop.example/api/3ds/tokens/${token.id}/finish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect((await poll()).status).toBe(200);
    expect((await poll()).status).toBe(200);
    const limited = await poll();
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ error: { code: 'backend_error', message: expect.stringMatching(/429/), providerCode: 'over_capacity', retryable: true } });
    clock.now += 1001;
    expect((await poll()).status).toBe(200);
  });

  it('the browser backend sees a typed error it can retry on: backend_error, status 503, providerCode over_capacity', async () => {
    const { backend } = await setup();
    // Four creates with unknown tokens: one tokens.retrieve each (404) against 3 requests per window.
    const results = await Promise.allSettled(['tok_unknown1', 'tok_unknown2', 'tok_unknown3', 'tok_unknown4'].map((token) => backend.createCharge({ token, order: 'a' })));
    const errors = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    const limited = errors.find((error) => error instanceof ThreeDSecureError && error.status === 503);
    expect(limited).toBeInstanceOf(ThreeDSecureError);
    expect(limited).toMatchObject({ code: 'backend_error', status: 503, providerCode: 'over_capacity' });
  });
});
