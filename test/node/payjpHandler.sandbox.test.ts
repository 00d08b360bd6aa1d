import Payjp from 'payjp';
import Payjp3 from 'payjp3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY, type PayjpChallengeOutcome, type SandboxServer } from '../../src/sandbox';
import { passChallenge } from './passChallenge';
import { createPayjpHandler, signBackUrl, type PayjpClientLike, type PayjpHandlerOptions } from '../../src/server';

/**
 * createPayjpHandler against the sandbox's PAY.JP, through both majors of the official SDK:
 * real HTTP, Basic auth, form bodies, PAY.JP's error envelope, the start page and its back_url check.
 */

const RETURN_URL = 'https://shop.example/account/cards/3ds-return';
const seen: string[] = [];
afterAll(() => {
  const leaks = seen.filter((text) => text.includes(SANDBOX_PAYJP_SECRET_KEY));
  expect(leaks).toEqual([]);
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** What both SDK majors offer beyond PayjpClientLike, for setting up customers. */
interface SetupClient extends PayjpClientLike {
  tokens: NonNullable<PayjpClientLike['tokens']> & { create(query?: object, headers?: object): Promise<{ id: string }> };
  customers: PayjpClientLike['customers'] & {
    create(query?: { card?: string }): Promise<{ id: string; default_card: string | null }>;
    cards: PayjpClientLike['customers']['cards'] & { create(customerId: string, query?: object): Promise<{ id: string }> };
  };
}

const SDKS = {
  'payjp 2.3.0': (apibase: string) => Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase, timeout: 5000 }) as unknown as SetupClient,
  'payjp 3.1.2': (apibase: string) => Payjp3(SANDBOX_PAYJP_SECRET_KEY, { apibase, timeout: 5000 }) as unknown as SetupClient,
};

describe.each(Object.entries(SDKS))('against the sandbox with %s', (_name, makeClient) => {
  let clock = Date.UTC(2025, 0, 15, 3, 0, 0);

  async function setup(options: Partial<PayjpHandlerOptions> = {}, expiryMs = 10 * 60 * 1000) {
    clock = Date.UTC(2025, 0, 15, 3, 0, 0);
    const sandbox: SandboxServer = await createSandbox({ payjp: { requestExpiryMs: expiryMs, now: () => clock } }).listen();
    cleanups.push(() => sandbox.close());
    const client = makeClient(sandbox.payjpApiBase);

    async function newCard(customerId?: string) {
      const token = await client.tokens.create(
        { card: { number: '4000000000003220', exp_month: 12, exp_year: 2040, cvc: '123', name: 'TARO YAMADA', email: 'taro@example.com' } },
        { 'X-Payjp-Direct-Token-Generate': 'true' },
      );
      if (customerId) return { customerId, cardId: (await client.customers.cards.create(customerId, { card: token.id })).id };
      const customer = await client.customers.create({ card: token.id });
      return { customerId: customer.id, cardId: customer.default_card ?? '' };
    }
    const alice = await newCard();
    const alice2 = await newCard(alice.customerId);
    const bob = await newCard();

    const handler = createPayjpHandler({
      secretKey: SANDBOX_PAYJP_SECRET_KEY,
      publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
      resolveCustomer: (request) => request.headers.get('x-customer'),
      payjp: client,
      apiBase: sandbox.payjpApiBase,
      returnUrls: [RETURN_URL],
      ...options,
    });

    async function call(method: string, path: string, customerId: string | null, body?: unknown) {
      const headers: Record<string, string> = customerId ? { 'x-customer': customerId } : {};
      // Like the kit's client: every POST is declared JSON, with or without a body.
      if (body !== undefined || method === 'POST') headers['content-type'] = 'application/json';
      const response = await handler(new Request(`https://shop.example/api/3ds${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
      const text = await response.text();
      seen.push(text);
      return { status: response.status, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    }

    const challenge = (startUrl: string, outcome: PayjpChallengeOutcome) => passChallenge(startUrl, outcome);

    return { sandbox, client, handler, call, challenge, alice, alice2, bob };
  }


  it.each([
    ['verified', 'succeeded', true],
    ['attempted', 'succeeded', true],
    ['attempted', 'failed', false],
    ['failed', 'failed', true],
    ['error', 'failed', true],
  ] as const)('create → start page → %s → GET reads %s (acceptAttempted %s)', async (outcome, expected, acceptAttempted) => {
    const { call, challenge, alice } = await setup({ acceptAttempted });
    const created = await call('POST', '/card-verifications', alice.customerId, { cardId: alice.cardId });
    expect(created.status).toBe(201);
    expect(created.json.verification).toMatchObject({ cardId: alice.cardId, state: 'created', outcome: 'pending', threeDSecureStatus: 'unverified' });
    const id = created.json.verification.id as string;

    const redirect = await call('POST', `/card-verifications/${id}/redirect`, alice.customerId, {});
    expect(redirect.status).toBe(200);
    const done = await challenge(redirect.json.url as string, outcome);
    // The sandbox's start page accepted our back_url and sends the shopper back to it, unchanged.
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(RETURN_URL);

    const read = await call('GET', `/card-verifications/${id}`, alice.customerId);
    expect(read.status).toBe(200);
    expect(read.json.verification).toMatchObject({ id, state: 'finished', threeDSecureStatus: outcome, outcome: expected });
    expect(read.json.verification.finishedAt).toEqual(expect.any(Number));
    if (!acceptAttempted) expect(read.json.verification.attemptedRefused).toBe(true);
  });

  it('leaves an abandoned challenge pending (in_progress)', async () => {
    const { call, challenge, alice } = await setup();
    const id = (await call('POST', '/card-verifications', alice.customerId, { cardId: alice.cardId })).json.verification.id as string;
    const redirect = await call('POST', `/card-verifications/${id}/redirect`, alice.customerId, {});
    await challenge(redirect.json.url as string, 'abandon');
    expect((await call('GET', `/card-verifications/${id}`, alice.customerId)).json.verification).toMatchObject({ state: 'in_progress', outcome: 'pending' });
  });

  it('keeps customers apart: 404 for another customer card, 403 for another customer request', async () => {
    const { call, alice, alice2, bob } = await setup();
    expect((await call('POST', '/card-verifications', alice.customerId, { cardId: alice2.cardId })).status).toBe(201);
    const foreignCard = await call('POST', '/card-verifications', alice.customerId, { cardId: bob.cardId });
    const unknownCard = await call('POST', '/card-verifications', alice.customerId, { cardId: 'car_doesnotexist0000' });
    expect(foreignCard.status).toBe(404);
    expect(foreignCard.json).toEqual(unknownCard.json);

    const bobs = (await call('POST', '/card-verifications', bob.customerId, { cardId: bob.cardId })).json.verification.id as string;
    expect((await call('GET', `/card-verifications/${bobs}`, alice.customerId)).status).toBe(403);
    expect((await call('POST', `/card-verifications/${bobs}/redirect`, alice.customerId, {})).status).toBe(403);
    expect((await call('GET', `/card-verifications/${bobs}`, bob.customerId)).status).toBe(200);
  });

  it('answers 404 for an unknown request, 400 for malformed input, 401 without a customer', async () => {
    const { call, alice } = await setup();
    expect((await call('GET', '/card-verifications/tdsr_doesnotexist0000', alice.customerId)).json.error.code).toBe('not_found');
    expect((await call('GET', '/card-verifications/ch_abc', alice.customerId)).status).toBe(400);
    expect((await call('POST', '/card-verifications', alice.customerId, { cardId: 'tok_abc' })).status).toBe(400);
    expect((await call('POST', '/card-verifications', null, { cardId: alice.cardId })).status).toBe(401);
  });

  it('reads expiry from expired_at, refuses a redirect for it, and the start page agrees', async () => {
    const { call, alice, sandbox } = await setup({}, 60_000);
    const id = (await call('POST', '/card-verifications', alice.customerId, { cardId: alice.cardId })).json.verification.id as string;
    const redirect = await call('POST', `/card-verifications/${id}/redirect`, alice.customerId, {});
    clock += 61_000;
    const read = await call('GET', `/card-verifications/${id}`, alice.customerId);
    expect(read.json.verification).toMatchObject({ outcome: 'expired', expiredAt: expect.any(Number) });
    expect((await call('POST', `/card-verifications/${id}/redirect`, alice.customerId, {})).status).toBe(409);
    const page = await fetch(redirect.json.url as string);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('three_d_secure_expired');
    expect(new URL(redirect.json.url as string).origin).toBe(new URL(sandbox.payjpApiBase).origin);
  });

  it('the start page refuses a back_url signed with another key, and accepts ours', async () => {
    const { call, alice } = await setup();
    const id = (await call('POST', '/card-verifications', alice.customerId, { cardId: alice.cardId })).json.verification.id as string;
    const url = new URL((await call('POST', `/card-verifications/${id}/redirect`, alice.customerId, {})).json.url as string);
    url.searchParams.set('back_url', await signBackUrl(RETURN_URL, 'sk_test_someoneelse'));
    const forged = await fetch(url);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('invalid_back_url');
  });

  it('maps PAY.JP 401 (wrong secret key) to 500 misconfigured without leaking either key', async () => {
    const { sandbox, alice } = await setup();
    const handler = createPayjpHandler({
      secretKey: 'sk_test_wrongkey',
      publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
      resolveCustomer: () => alice.customerId,
      apiBase: sandbox.payjpApiBase,
    });
    const response = await handler(new Request('https://shop.example/card-verifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cardId: alice.cardId }) }));
    const text = await response.text();
    seen.push(text);
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'misconfigured' } });
    expect(text).not.toContain('sk_test_wrongkey');
  });
});
