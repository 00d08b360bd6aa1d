import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLedgerStore, createPayjpHandler, type PayjpHandlerOptions } from '../../src/server';
import { importAttemptReferenceKey, signAttemptReference } from '../../src/server/attemptReference';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, seenBodies, send } from './payjpHandlerFake';

/** GET /attempts/{reference}: another browser learns a charge's outcome from the return URL's signed reference. */

afterAll(() => expectNoSecretIn(seenBodies));

const asAlice = { 'x-customer': 'cus_alice' };
const RETURN_URL = 'https://shop.example/return';

function setup(options: Partial<PayjpHandlerOptions> = { attemptReferences: true }) {
  const fake = createFakePayjp();
  fake.putToken('tok_a', null);
  const store = createMemoryLedgerStore({ now: () => fake.clock.ms });
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    resolveCharge: () => ({ amount: 1200 }),
    payjp: fake.client,
    now: () => fake.clock.ms,
    returnUrls: [RETURN_URL],
    store,
    ...options,
  });
  return { fake, handler };
}

/** Creates a charge, asks for its redirect and reads the reference PAY.JP will send the shopper back with. */
async function chargeAndReference(handler: ReturnType<typeof setup>['handler']) {
  const created = await send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice);
  const chargeId = created.json.charge.id as string;
  const redirect = await send(handler, 'POST', `/charges/${chargeId}/redirect`, {}, asAlice);
  const backUrl = new URL(redirect.json.url as string).searchParams.get('back_url') as string;
  const { url } = JSON.parse(Buffer.from(backUrl.split('.')[1] as string, 'base64url').toString()) as { url: string };
  return { chargeId, returnUrl: new URL(url) };
}

describe('createPayjpHandler: attempt references', () => {
  it('the return URL carries a reference; another browser (no customer, no tag) reads pending, then succeeded', async () => {
    const { fake, handler } = setup();
    const { chargeId, returnUrl } = await chargeAndReference(handler);
    expect(`${returnUrl.origin}${returnUrl.pathname}`).toBe(RETURN_URL);
    const reference = returnUrl.searchParams.get('r3ds_attempt') as string;
    expect(reference).toMatch(/^[\w-]+\.[\w-]+$/);
    const pending = await send(handler, 'GET', `/attempts/${reference}`);
    expect(pending.status).toBe(200);
    expect(pending.json).toEqual({ attempt: { kind: 'charge', outcome: 'pending' } });
    fake.updateCharge(chargeId, { three_d_secure_status: 'verified', paid: true, captured: true });
    const paid = await send(handler, 'GET', `/attempts/${encodeURIComponent(reference)}`);
    expect(paid.json).toEqual({ attempt: { kind: 'charge', outcome: 'succeeded' } });
    // Only the outcome: no amount, no customer, no charge id.
    expect(paid.text).not.toMatch(/1200|cus_alice|ch_/);
  });

  it('a failed charge reads failed', async () => {
    const { fake, handler } = setup();
    const { chargeId, returnUrl } = await chargeAndReference(handler);
    fake.updateCharge(chargeId, { three_d_secure_status: 'failed' });
    expect((await send(handler, 'GET', `/attempts/${returnUrl.searchParams.get('r3ds_attempt')}`)).json).toEqual({ attempt: { kind: 'charge', outcome: 'failed' } });
  });

  it('a tampered reference is 404 not_found; an expired one 409 expired; neither reaches PAY.JP', async () => {
    const { fake, handler } = setup({ attemptReferences: { ttlMs: 60_000 } });
    const { returnUrl } = await chargeAndReference(handler);
    const reference = returnUrl.searchParams.get('r3ds_attempt') as string;
    const [payload, mac] = reference.split('.') as [string, string];
    const retrievesBefore = fake.calls.filter((call) => call.method === 'charges.retrieve').length;
    const forged = `${Buffer.from(JSON.stringify({ c: 'ch_fake99', e: fake.clock.ms + 60_000 })).toString('base64url')}.${mac}`;
    for (const bad of [forged, `${payload}.${mac.slice(1)}`, 'nonsense']) {
      const answer = await send(handler, 'GET', `/attempts/${bad}`);
      expect(answer.status).toBe(404);
      expect(answer.json.error).toMatchObject({ code: 'not_found' });
    }
    fake.clock.ms += 60_000;
    const expired = await send(handler, 'GET', `/attempts/${reference}`);
    expect(expired.status).toBe(409);
    expect(expired.json.error).toMatchObject({ code: 'expired' });
    expect(fake.calls.filter((call) => call.method === 'charges.retrieve').length).toBe(retrievesBefore);
  });

  it("a validly signed reference to a charge this handler's ledger never opened is 404", async () => {
    const { handler } = setup();
    const key = await importAttemptReferenceKey(SECRET_KEY);
    const reference = await signAttemptReference({ chargeId: 'ch_elsewhere1', expiresAt: Date.now() * 2 }, key);
    const answer = await send(handler, 'GET', `/attempts/${reference}`);
    expect(answer.status).toBe(404);
  });

  it('off by default: the return URL carries nothing and the route does not exist', async () => {
    const { handler } = setup({});
    const { returnUrl } = await chargeAndReference(handler);
    expect(returnUrl.toString()).toBe(RETURN_URL);
    expect((await send(handler, 'GET', '/attempts/abc.def')).status).toBe(404);
  });

  it('refuses a bad attemptReferences option at creation', () => {
    expect(() => setup({ attemptReferences: { ttlMs: -1 } })).toThrow(/attemptReferences/);
  });
});
