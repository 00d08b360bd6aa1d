import Payjp from 'payjp';
import Payjp3 from 'payjp3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY, type PayjpChallengeOutcome, type SandboxServer } from '../../src/sandbox';
import { passChallenge } from './passChallenge';
import { assertTokenVerified, createPayjpHandler, type PayjpClientLike, type PayjpHandlerOptions, type ResolvedCharge } from '../../src/server';

/**
 * Charge-time and token-time 3-D Secure through createPayjpHandler against the sandbox's PAY.JP,
 * with both majors of the official SDK: real HTTP, form bodies (metadata included), the start and
 * challenge pages, tds_finish, charge-time declines and the sandbox's fake clock.
 */

const RETURN_URL = 'https://shop.example/checkout/3ds-return';
const MINUTE = 60_000;
const seen: string[] = [];
afterAll(() => {
  expect(seen.filter((text) => text.includes(SANDBOX_PAYJP_SECRET_KEY))).toEqual([]);
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** What both SDK majors offer beyond PayjpClientLike, for setting up customers and tokens. */
interface SetupClient extends PayjpClientLike {
  charges: NonNullable<PayjpClientLike['charges']>;
  tokens: NonNullable<PayjpClientLike['tokens']> & { create(query?: object, headers?: object): Promise<{ id: string }> };
  customers: PayjpClientLike['customers'] & { create(query?: { card?: string }): Promise<{ id: string; default_card: string | null }> };
}

const SDKS = {
  'payjp 2.3.0': (apibase: string) => Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase, timeout: 5000 }) as unknown as SetupClient,
  'payjp 3.1.2': (apibase: string) => Payjp3(SANDBOX_PAYJP_SECRET_KEY, { apibase, timeout: 5000 }) as unknown as SetupClient,
};

const ORDERS: Record<string, ResolvedCharge> = {
  cart_1: { amount: 3980, description: 'Cart 1', metadata: { order_id: 'cart_1' } },
};

const CARD = { exp_month: 12, exp_year: 2040, cvc: '123', name: 'TARO YAMADA', email: 'taro@example.com' };


describe.each(Object.entries(SDKS))('charges and tokens against the sandbox with %s', (_name, makeClient) => {
  let clock = Date.UTC(2025, 0, 15, 3, 0, 0);

  async function setup(options: Partial<PayjpHandlerOptions> = {}, chargeExpiryMs = 30 * MINUTE) {
    clock = Date.UTC(2025, 0, 15, 3, 0, 0);
    const sandbox: SandboxServer = await createSandbox({ payjp: { chargeExpiryMs, now: () => clock } }).listen();
    cleanups.push(() => sandbox.close());
    const client = makeClient(sandbox.payjpApiBase);
    let finishCalls = 0;
    // The SDK, with tds_finish counted (methods called on their resource: `this` stays right).
    const counted: PayjpClientLike = {
      ...client,
      charges: {
        create: (query) => client.charges.create(query),
        retrieve: (id) => client.charges.retrieve(id),
        tds_finish: (id) => {
          finishCalls += 1;
          return client.charges.tds_finish(id);
        },
      },
    };

    /** A plain token (secret key + the direct-token header, as the sandbox allows in tests). */
    const plainToken = async (number = '4242424242424242') => (await client.tokens.create({ card: { number, ...CARD } }, { 'X-Payjp-Direct-Token-Generate': 'true' })).id;
    /** A token with three_d_secure=true, as pay.js creates it with the public key. */
    async function tdsToken(number = '4242424242424242'): Promise<string> {
      const form = new URLSearchParams({ 'card[number]': number, 'card[exp_month]': '12', 'card[exp_year]': '2040', 'card[cvc]': '123', 'card[name]': CARD.name, 'card[email]': CARD.email, three_d_secure: 'true' });
      const response = await fetch(`${sandbox.payjpApiBase}/tokens`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`${SANDBOX_PAYJP_PUBLIC_KEY}:`)}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    }
    const alice = await client.customers.create({ card: await plainToken() });
    const bob = await client.customers.create({ card: await plainToken() });

    const handler = createPayjpHandler({
      secretKey: SANDBOX_PAYJP_SECRET_KEY,
      publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
      resolveCustomer: (request) => request.headers.get('x-customer'),
      resolveCharge: (_request, order) => (typeof order === 'string' ? (ORDERS[order] ?? null) : null),
      payjp: counted,
      apiBase: sandbox.payjpApiBase,
      returnUrls: [RETURN_URL],
      now: () => clock,
      ...options,
    });

    async function call(method: string, path: string, customerId: string | null, body?: unknown, extra: Record<string, string> = {}) {
      const headers: Record<string, string> = { ...(customerId ? { 'x-customer': customerId } : {}), ...extra };
      // Like the kit's client: every POST is declared JSON, with or without a body.
      if (body !== undefined || method === 'POST') headers['content-type'] = 'application/json';
      const response = await handler(new Request(`https://shop.example/api/3ds${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
      const text = await response.text();
      seen.push(text);
      return { status: response.status, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    }

    /** The shopper passes the challenge; PAY.JP sends them back to the signed return URL. */
    async function challenge(startUrl: string, outcome: PayjpChallengeOutcome) {
      const done = await passChallenge(startUrl, outcome);
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe(RETURN_URL);
    }

    /** Creates a charge for Alice with a fresh token and takes it through the challenge. */
    async function chargeThrough(outcome: PayjpChallengeOutcome, number?: string) {
      const created = await call('POST', '/charges', alice.id, { token: await plainToken(number), order: 'cart_1' });
      expect(created.status).toBe(201);
      const id = created.json.charge.id as string;
      const redirect = await call('POST', `/charges/${id}/redirect`, alice.id, {});
      expect(redirect.status).toBe(200);
      await challenge(redirect.json.url as string, outcome);
      return id;
    }

    return { sandbox, client, handler, call, challenge, chargeThrough, plainToken, tdsToken, alice, bob, finishes: () => finishCalls };
  }

  it('create → start page → verified → finish → paid, at the server amount, with metadata through the form body', async () => {
    const { call, client, plainToken, alice, challenge, finishes } = await setup();
    const created = await call('POST', '/charges', alice.id, { token: await plainToken(), order: 'cart_1', amount: 1 });
    expect(created.status).toBe(201);
    expect(created.json.charge).toMatchObject({ amount: 3980, currency: 'jpy', paid: false, threeDSecureStatus: 'unverified', outcome: 'pending' });
    const id = created.json.charge.id as string;
    const stored = await client.charges.retrieve(id);
    expect(stored).toMatchObject({ amount: 3980, metadata: { order_id: 'cart_1', react3ds_customer: alice.id } });

    const redirect = await call('POST', `/charges/${id}/redirect`, alice.id, {});
    expect(new URL(redirect.json.url as string).pathname).toBe(`/v1/tds/${id}/start`);
    await challenge(redirect.json.url as string, 'verified');
    expect((await call('GET', `/charges/${id}`, alice.id)).json.charge).toMatchObject({ threeDSecureStatus: 'verified', outcome: 'pending', paid: false });

    const finished = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(finished.status).toBe(200);
    expect(finished.json.charge).toMatchObject({ id, paid: true, captured: true, outcome: 'succeeded', amount: 3980 });
    const again = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(again.json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
    expect(finishes()).toBe(1);
    expect((await client.charges.retrieve(id)).paid).toBe(true);
  });

  it('two concurrent finishes: one tds_finish, one paid charge, both answers paid', async () => {
    const { call, chargeThrough, alice, finishes } = await setup();
    const id = await chargeThrough('verified');
    const answers = await Promise.all([call('POST', `/charges/${id}/finish`, alice.id), call('POST', `/charges/${id}/finish`, alice.id)]);
    expect(answers.map((answer) => [answer.status, answer.json.charge.paid])).toEqual([
      [200, true],
      [200, true],
    ]);
    expect(finishes()).toBe(1);
  });

  it.each([
    ['attempted', true, 200, { outcome: 'succeeded', paid: true }],
    ['attempted', false, 200, { outcome: 'failed', attemptedRefused: true, paid: false }],
    ['failed', true, 200, { outcome: 'failed', paid: false }],
    ['error', true, 200, { outcome: 'failed', paid: false }],
  ] as const)('challenge %s (acceptAttempted %s) → finish answers %i', async (outcome, acceptAttempted, status, expected) => {
    const { call, chargeThrough, alice, finishes } = await setup({ acceptAttempted });
    const id = await chargeThrough(outcome);
    const finished = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(finished.status).toBe(status);
    expect(finished.json.charge).toMatchObject({ threeDSecureStatus: outcome, ...expected });
    expect(finishes()).toBe(expected.paid ? 1 : 0);
  });

  it('an abandoned or slow challenge: finish answers 400 three_d_secure_incompleted until the result lands', async () => {
    const { call, chargeThrough, alice } = await setup();
    const abandoned = await chargeThrough('abandon');
    const early = await call('POST', `/charges/${abandoned}/finish`, alice.id);
    expect(early.status).toBe(400);
    expect(early.json.error).toMatchObject({ code: 'invalid_request', providerCode: 'three_d_secure_incompleted' });

    const slow = await chargeThrough('slow');
    expect((await call('POST', `/charges/${slow}/finish`, alice.id)).status).toBe(400);
    clock += 5000;
    expect((await call('POST', `/charges/${slow}/finish`, alice.id)).json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
  });

  it('a decline at finish (4000000000080319) is 402 card_declined, repeated without a second tds_finish', async () => {
    const { call, chargeThrough, alice, finishes } = await setup();
    const id = await chargeThrough('verified', '4000000000080319');
    const declined = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(declined.status).toBe(402);
    expect(declined.json.error).toMatchObject({ code: 'card_declined', providerCode: 'card_declined' });
    const again = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(again.status).toBe(402);
    expect(again.json.error.providerCode).toBe('card_declined');
    expect(finishes()).toBe(1);
    expect((await call('GET', `/charges/${id}`, alice.id)).json.charge).toMatchObject({ paid: false, outcome: 'failed', failureCode: 'card_declined' });
  });

  it('expired_card at finish (4000000000004012) keeps PAY.JP code as providerCode', async () => {
    const { call, chargeThrough, alice } = await setup();
    const id = await chargeThrough('verified', '4000000000004012');
    const declined = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(declined.status).toBe(402);
    expect(declined.json.error).toMatchObject({ code: 'card_declined', providerCode: 'expired_card' });
  });

  it('expiry: PAY.JP three_d_secure_expired at finish → 409; past 30 minutes the handler says expired itself', async () => {
    const { call, chargeThrough, alice, finishes } = await setup({}, MINUTE);
    const id = await chargeThrough('verified');
    clock += MINUTE + 1000;
    const expired = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(expired.status).toBe(409);
    expect(expired.json.error).toMatchObject({ code: 'expired', providerCode: 'three_d_secure_expired' });
    expect(finishes()).toBe(1);

    clock += 30 * MINUTE;
    expect((await call('GET', `/charges/${id}`, alice.id)).json.charge.outcome).toBe('expired');
    const late = await call('POST', `/charges/${id}/finish`, alice.id);
    expect(late.status).toBe(409);
    expect(late.json.error).not.toHaveProperty('providerCode');
    expect((await call('POST', `/charges/${id}/redirect`, alice.id, {})).status).toBe(409);
    expect(finishes()).toBe(1);
  });

  it('a saved card: customer set, another customer card 404, another customer charge 403', async () => {
    const { call, client, alice, bob } = await setup();
    const created = await call('POST', '/charges', alice.id, { cardId: alice.default_card, order: 'cart_1' });
    expect(created.status).toBe(201);
    const id = created.json.charge.id as string;
    expect(await client.charges.retrieve(id)).toMatchObject({ customer: alice.id, metadata: { react3ds_customer: alice.id } });
    expect((await call('POST', '/charges', alice.id, { cardId: bob.default_card, order: 'cart_1' })).status).toBe(404);
    expect((await call('GET', `/charges/${id}`, bob.id)).status).toBe(403);
    expect((await call('POST', `/charges/${id}/finish`, bob.id)).status).toBe(403);
    expect((await call('GET', '/charges/ch_doesnotexist0000', alice.id)).status).toBe(404);
    expect((await call('POST', '/charges', alice.id, { token: 'tok_doesnotexist0000', order: 'cart_1' })).status).toBe(404);
  });

  it('a used token is 400 invalid_request with PAY.JP code', async () => {
    const { call, plainToken, alice } = await setup();
    const token = await plainToken();
    expect((await call('POST', '/charges', alice.id, { token, order: 'cart_1' })).status).toBe(201);
    const reused = await call('POST', '/charges', alice.id, { token, order: 'cart_1' });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toMatchObject({ code: 'invalid_request', providerCode: 'token_already_used', param: 'token' });
  });

  it('a guest charge (allowGuestCharges) is opened by its chargeTag only', async () => {
    const { call, plainToken, challenge } = await setup({ allowGuestCharges: true });
    const created = await call('POST', '/charges', null, { token: await plainToken(), order: 'cart_1' });
    expect(created.status).toBe(201);
    const id = created.json.charge.id as string;
    const tag = { 'x-react3ds-charge-tag': created.json.chargeTag as string };
    expect((await call('GET', `/charges/${id}`, null)).status).toBe(401);
    const redirect = await call('POST', `/charges/${id}/redirect`, null, {}, tag);
    await challenge(redirect.json.url as string, 'verified');
    expect((await call('POST', `/charges/${id}/finish`, null, undefined, tag)).json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
  });

  it('token 3-D Secure via redirect: start → verified → /tokens/{id}/finish → succeeded → the token charges', async () => {
    const { call, client, tdsToken, challenge, alice } = await setup();
    const token = await tdsToken();
    // Unfinished, the token is refused.
    const early = await call('POST', '/charges', alice.id, { token, order: 'cart_1' });
    expect(early.json.error).toMatchObject({ code: 'invalid_request', providerCode: 'unverified_token' });

    const redirect = await call('POST', `/tokens/${token}/redirect`, alice.id, {});
    expect(redirect.status).toBe(200);
    expect(new URL(redirect.json.url as string).pathname).toBe(`/v1/tds/${token}/start`);
    await challenge(redirect.json.url as string, 'verified');
    const finished = await call('POST', `/tokens/${token}/finish`, alice.id);
    expect(finished.status).toBe(200);
    expect(finished.json.token).toEqual({ id: token, threeDSecureStatus: 'verified', outcome: 'succeeded' });
    expect((await call('POST', `/tokens/${token}/finish`, alice.id)).json.token.outcome).toBe('succeeded');

    // The app's own use: assertTokenVerified, then a charge without charge-time 3-D Secure.
    await expect(assertTokenVerified(client, token, { now: () => clock })).resolves.toMatchObject({ id: token });
    const charge = await client.charges.create({ amount: 1000, currency: 'jpy', card: token, three_d_secure: false, capture: true, metadata: {} });
    expect(charge.paid).toBe(true);
  });

  it('token 3-D Secure: the handler charge route charges a finished token without a second challenge', async () => {
    const { call, tdsToken, challenge, alice, finishes } = await setup();
    const token = await tdsToken();
    await challenge((await call('POST', `/tokens/${token}/redirect`, alice.id, {})).json.url as string, 'verified');
    await call('POST', `/tokens/${token}/finish`, alice.id);
    const created = await call('POST', '/charges', alice.id, { token, order: 'cart_1' });
    expect(created.status).toBe(201);
    expect(created.json.charge).toMatchObject({ amount: 3980, paid: true, outcome: 'succeeded' });
    expect(finishes()).toBe(0);
  });

  it('token 3-D Secure finished by pay.js (public key): the finish route reads it as done', async () => {
    const { sandbox, call, tdsToken, challenge, alice } = await setup();
    const token = await tdsToken();
    await challenge((await call('POST', `/tokens/${token}/redirect`, alice.id, {})).json.url as string, 'attempted');
    const byPayjs = await fetch(`${sandbox.payjpApiBase}/tokens/${token}/tds_finish`, { method: 'POST', headers: { authorization: `Basic ${btoa(`${SANDBOX_PAYJP_PUBLIC_KEY}:`)}` } });
    expect(byPayjs.status).toBe(200);
    const finished = await call('POST', `/tokens/${token}/finish`, alice.id);
    expect(finished.status).toBe(200);
    expect(finished.json.token).toEqual({ id: token, threeDSecureStatus: 'attempted', outcome: 'succeeded' });
  });

  it.each([
    ['failed', { outcome: 'failed', threeDSecureStatus: 'failed' }],
    ['abandon', { outcome: 'pending', threeDSecureStatus: 'unverified' }],
  ] as const)('token 3-D Secure %s → finish answers %o', async (outcome, expected) => {
    const { call, tdsToken, challenge, alice } = await setup();
    const token = await tdsToken();
    await challenge((await call('POST', `/tokens/${token}/redirect`, alice.id, {})).json.url as string, outcome);
    const finished = await call('POST', `/tokens/${token}/finish`, alice.id);
    expect(finished.status).toBe(200);
    expect(finished.json.token).toMatchObject(expected);
  });

  it('token 3-D Secure: refused attempted, and an expired flow', async () => {
    const { call, client, tdsToken, challenge, alice } = await setup({ acceptAttempted: false }, MINUTE);
    const attempted = await tdsToken();
    await challenge((await call('POST', `/tokens/${attempted}/redirect`, alice.id, {})).json.url as string, 'attempted');
    expect((await call('POST', `/tokens/${attempted}/finish`, alice.id)).json.token).toMatchObject({ outcome: 'failed', attemptedRefused: true });
    await expect(assertTokenVerified(client, attempted, { acceptAttempted: false, now: () => clock })).rejects.toMatchObject({ code: 'attempted_not_accepted' });

    const late = await tdsToken();
    await challenge((await call('POST', `/tokens/${late}/redirect`, alice.id, {})).json.url as string, 'verified');
    clock += MINUTE + 1000;
    expect((await call('POST', `/tokens/${late}/finish`, alice.id)).json.token).toMatchObject({ outcome: 'expired' });
    await expect(assertTokenVerified(client, late, { now: () => clock })).rejects.toMatchObject({ code: 'expired' });
  });
});
