import { afterAll, describe, expect, it } from 'vitest';
import { createPayjpHandler, toNodeListener, type PayjpClientLike, type PayjpHandlerOptions, type ResolvedCharge } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, FAKE_NOW_MS, PUBLIC_KEY, SECRET_KEY, sdkHttpError, seenBodies, send } from './payjpHandlerFake';

afterAll(() => expectNoSecretIn(seenBodies));

const ALICE = 'cus_alice';
const BOB = 'cus_bob';
const asAlice = { 'x-customer': ALICE };
const asBob = { 'x-customer': BOB };

/** The app's price list: the server prices orders, the browser only names them. */
const ORDERS: Record<string, ResolvedCharge> = {
  cart_1: { amount: 3980, description: 'Cart 1', metadata: { order_id: 'cart_1' } },
  cart_2: { amount: 500 },
};

function setup(options: Partial<PayjpHandlerOptions> = {}) {
  const fake = createFakePayjp();
  fake.addCard(ALICE, 'car_alice1');
  fake.addCard(BOB, 'car_bob1');
  fake.putToken('tok_alice', null);
  fake.putToken('tok_guest', null);
  const orders: unknown[] = [];
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    resolveCharge: (_request, order) => {
      orders.push(order);
      return typeof order === 'string' ? (ORDERS[order] ?? null) : null;
    },
    payjp: fake.client,
    returnUrls: ['https://shop.example/checkout/3ds-return'],
    now: () => fake.clock.ms,
    ...options,
  });
  return { fake, handler, orders };
}

describe('POST /charges', () => {
  it('charges a token the resolved amount with three_d_secure and the ownership marker: 201 { charge }', async () => {
    const { fake, handler, orders } = setup();
    const answer = await send(handler, 'POST', '/api/3ds/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.json).toEqual({
      charge: {
        id: 'ch_fake1',
        amount: 3980,
        currency: 'jpy',
        paid: false,
        captured: false,
        threeDSecureStatus: 'unverified',
        outcome: 'pending',
        failureCode: null,
        createdAt: Math.floor(FAKE_NOW_MS / 1000),
      },
    });
    expect(orders).toEqual(['cart_1']);
    expect(fake.calls.map((call) => [call.method, call.args])).toEqual([
      // The token is read first: one without 3-D Secure gets charge-time 3-D Secure.
      ['tokens.retrieve', ['tok_alice']],
      [
        'charges.create',
        [{ amount: 3980, currency: 'jpy', card: 'tok_alice', three_d_secure: true, capture: true, description: 'Cart 1', metadata: { order_id: 'cart_1', react3ds_customer: ALICE } }],
      ],
    ]);
  });

  it('never reads an amount from the body', async () => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'cart_2', amount: 1, currency: 'usd', metadata: { react3ds_customer: BOB } }, asAlice);
    expect(answer.status).toBe(201);
    expect(answer.json.charge.amount).toBe(500);
    expect(fake.calls.find((call) => call.method === 'charges.create')?.args[0]).toEqual({ amount: 500, currency: 'jpy', card: 'tok_alice', three_d_secure: true, capture: true, metadata: { react3ds_customer: ALICE } });
  });

  it('charges a saved card of the customer with customer set, after checking the card is theirs', async () => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/charges', { cardId: 'car_alice1', order: 'cart_2' }, asAlice);
    expect(answer.status).toBe(201);
    expect(fake.calls.map((call) => [call.method, call.args])).toEqual([
      ['cards.retrieve', [ALICE, 'car_alice1']],
      ['charges.create', [{ amount: 500, currency: 'jpy', card: 'car_alice1', customer: ALICE, three_d_secure: true, capture: true, metadata: { react3ds_customer: ALICE } }]],
    ]);
  });

  it('answers the same 404 for another customer card and an unknown one, without charging', async () => {
    const { fake, handler } = setup();
    const bobs = await send(handler, 'POST', '/charges', { cardId: 'car_bob1', order: 'cart_1' }, asAlice);
    const unknown = await send(handler, 'POST', '/charges', { cardId: 'car_nobody', order: 'cart_1' }, asAlice);
    expect(bobs.status).toBe(404);
    expect(bobs.json.error).toMatchObject({ code: 'not_found', param: 'cardId' });
    expect(bobs.text).toBe(unknown.text);
    expect(fake.calls.filter((call) => call.method === 'charges.create')).toEqual([]);
  });

  it.each([
    ['neither token nor cardId', { order: 'cart_1' }, 'token'],
    ['both token and cardId', { token: 'tok_alice', cardId: 'car_alice1', order: 'cart_1' }, 'cardId'],
    ['a card id as the token', { token: 'car_alice1', order: 'cart_1' }, 'token'],
    ['a token with a path in it', { token: 'tok_a/../b', order: 'cart_1' }, 'token'],
    ['a numeric token', { token: 42, order: 'cart_1' }, 'token'],
    ['a token id as the cardId', { cardId: 'tok_alice', order: 'cart_1' }, 'cardId'],
  ])('answers 400 invalid_request for %s, before pricing or PAY.JP', async (_name, body, param) => {
    const { fake, handler, orders } = setup();
    const answer = await send(handler, 'POST', '/charges', body, asAlice);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: 'invalid_request', param });
    expect(orders).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('answers 400 invalid_request (param order) when resolveCharge gives null', async () => {
    const { fake, handler, orders } = setup();
    for (const order of ['cart_unknown', undefined, { amount: 1 }]) {
      const answer = await send(handler, 'POST', '/charges', { token: 'tok_alice', order }, asAlice);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toMatchObject({ code: 'invalid_request', param: 'order' });
    }
    expect(orders).toEqual(['cart_unknown', undefined, { amount: 1 }]);
    expect(fake.calls).toEqual([]);
  });

  it('awaits an async resolveCharge and hands it the request', async () => {
    const seen: string[] = [];
    const { handler } = setup({
      resolveCharge: async (request, order) => {
        seen.push(request.headers.get('x-customer') ?? '');
        return order === 'cart_1' ? { amount: 1200 } : null;
      },
    });
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice);
    expect(answer.json.charge.amount).toBe(1200);
    expect(seen).toEqual([ALICE]);
  });

  it.each([
    ['a fractional amount', { amount: 10.5 }],
    ['an amount under 50 yen', { amount: 49 }],
    ['an amount over 9,999,999 yen', { amount: 10_000_000 }],
    ['an amount as a string', { amount: '1000' }],
    ['another currency', { amount: 1000, currency: 'usd' }],
    ['metadata overriding the ownership marker', { amount: 1000, metadata: { react3ds_customer: BOB } }],
    ['a non-string metadata value', { amount: 1000, metadata: { n: 1 } }],
    ['not an object', 1000],
  ])('answers 500 misconfigured for %s from resolveCharge, reports it, charges nothing', async (_name, priced) => {
    const reported: unknown[] = [];
    const { fake, handler } = setup({ resolveCharge: () => priced as ResolvedCharge, onError: (error) => reported.push(error) });
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'x' }, asAlice);
    expect(answer.status).toBe(500);
    expect(answer.json.error.code).toBe('misconfigured');
    expect(reported).toHaveLength(1);
    expect(fake.calls).toEqual([]);
  });

  it('answers 401 without a customer when guests are not allowed', async () => {
    const { fake, handler, orders } = setup();
    expect((await send(handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_1' })).status).toBe(401);
    expect(orders).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it.each([
    [402, 'card_declined', 402, 'card_declined'],
    [402, 'expired_card', 402, 'card_declined'],
    [400, 'token_already_used', 400, 'invalid_request'],
    [400, 'unverified_token', 400, 'invalid_request'],
    [400, 'invalid_param', 502, 'backend_error'],
  ])('maps PAY.JP %i %s at create to %i %s with providerCode', async (status, providerCode, ourStatus, code) => {
    const { fake, handler } = setup();
    fake.failNext('charges.create', sdkHttpError('v2', status, providerCode, status === 402 ? 'card_error' : 'client_error'));
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice);
    expect(answer.status).toBe(ourStatus);
    expect(answer.json.error).toMatchObject({ code, providerCode });
    expect(answer.json.error.message).not.toMatch(/Invalid request/);
  });

  it('answers 404 (param token) when PAY.JP does not know the token', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_nobody', order: 'cart_1' }, asAlice);
    expect(answer.status).toBe(404);
    expect(answer.json.error).toMatchObject({ code: 'not_found', param: 'token' });
  });
});

describe('GET /charges/{id}: ownership', () => {
  it('answers the owner 200 { charge }, another customer 403, unknown 404, malformed 400, nobody 401', async () => {
    const { fake, handler } = setup();
    const id = (await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice)).json.charge.id as string;
    const own = await send(handler, 'GET', `/charges/${id}`, undefined, asAlice);
    expect(own.status).toBe(200);
    expect(own.json.charge).toMatchObject({ id, amount: 3980, outcome: 'pending' });

    const bobs = await send(handler, 'GET', `/charges/${id}`, undefined, asBob);
    expect(bobs.status).toBe(403);
    expect(bobs.json.error.code).toBe('forbidden');
    expect(bobs.text).not.toContain('3980');
    expect((await send(handler, 'POST', `/charges/${id}/finish`, undefined, asBob)).status).toBe(403);
    expect((await send(handler, 'POST', `/charges/${id}/redirect`, {}, asBob)).status).toBe(403);

    expect((await send(handler, 'GET', '/charges/ch_unknown', undefined, asAlice)).json.error.code).toBe('not_found');
    for (const bad of ['tok_alice', 'ch_', 'ch_a-b', 'ch_a%2Fb']) {
      const answer = await send(handler, 'GET', `/charges/${bad}`, undefined, asAlice);
      expect(answer.status, bad).toBe(400);
      expect(answer.json.error).toMatchObject({ code: 'invalid_request', param: 'id' });
    }
    expect((await send(handler, 'GET', `/charges/${id}`)).status).toBe(401);
    expect(fake.calls.filter((call) => call.method === 'charges.tds_finish')).toEqual([]);
  });

  it('answers 403 for charges the handler did not create (no marker, or an empty one)', async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_outside', metadata: null });
    fake.putCharge({ id: 'ch_guestish', metadata: { react3ds_customer: '' } });
    expect((await send(handler, 'GET', '/charges/ch_outside', undefined, asAlice)).status).toBe(403);
    expect((await send(handler, 'GET', '/charges/ch_guestish', undefined, asAlice)).status).toBe(403);
  });
});

describe('guest charges (allowGuestCharges)', () => {
  it('creates a token charge for a guest with an empty marker and a chargeTag that opens it', async () => {
    const { fake, handler } = setup({ allowGuestCharges: true });
    const created = await send(handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_1' });
    expect(created.status).toBe(201);
    expect(fake.calls.find((call) => call.method === 'charges.create')?.args[0]).toMatchObject({ card: 'tok_guest', metadata: { order_id: 'cart_1', react3ds_customer: '' } });
    const tag = created.json.chargeTag as string;
    expect(tag).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tag).not.toContain(SECRET_KEY);
    const id = created.json.charge.id as string;

    const read = await send(handler, 'GET', `/charges/${id}`, undefined, { 'x-react3ds-charge-tag': tag });
    expect(read.status).toBe(200);
    expect(read.json).not.toHaveProperty('chargeTag');
    // A signed-in shopper holding the tag may read it too (signed in mid-checkout).
    expect((await send(handler, 'GET', `/charges/${id}`, undefined, { ...asAlice, 'x-react3ds-charge-tag': tag })).status).toBe(200);
  });

  it('refuses a guest charge without its tag (401), with a wrong or another charge tag (403)', async () => {
    const { handler } = setup({ allowGuestCharges: true });
    const first = await send(handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_1' });
    const second = await send(handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_2' });
    const id = first.json.charge.id as string;
    expect((await send(handler, 'GET', `/charges/${id}`)).status).toBe(401);
    expect((await send(handler, 'GET', `/charges/${id}`, undefined, asAlice)).status).toBe(403);
    for (const tag of [second.json.chargeTag as string, 'A'.repeat(43), 'not a tag!', `${first.json.chargeTag as string}x`]) {
      const answer = await send(handler, 'GET', `/charges/${id}`, undefined, { 'x-react3ds-charge-tag': tag });
      expect(answer.status, tag).toBe(403);
    }
    expect((await send(handler, 'POST', `/charges/${id}/finish`, undefined, { 'x-react3ds-charge-tag': second.json.chargeTag as string })).status).toBe(403);
  });

  it('gives customers no tag, and a tag never opens a customer charge of someone else', async () => {
    const { handler } = setup({ allowGuestCharges: true });
    const alices = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice);
    expect(alices.json).not.toHaveProperty('chargeTag');
    const guest = await send(handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_1' });
    const answer = await send(handler, 'GET', `/charges/${alices.json.charge.id as string}`, undefined, { 'x-react3ds-charge-tag': guest.json.chargeTag as string });
    expect(answer.status).toBe(403);
  });

  it('keeps saved cards for customers: a guest cardId is 401', async () => {
    const { fake, handler } = setup({ allowGuestCharges: true });
    expect((await send(handler, 'POST', '/charges', { cardId: 'car_alice1', order: 'cart_1' })).status).toBe(401);
    expect(fake.calls).toEqual([]);
  });

  it('ignores the tag header when guests are off', async () => {
    const guests = setup({ allowGuestCharges: true });
    const tag = (await send(guests.handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_1' })).json.chargeTag as string;
    // Same secret key, guests off: the tag no longer opens anything.
    const strict = createPayjpHandler({ secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => null, resolveCharge: () => null, payjp: guests.fake.client });
    expect((await send(strict, 'GET', '/charges/ch_fake1', undefined, { 'x-react3ds-charge-tag': tag })).status).toBe(401);
  });
});

describe('charge routes: routing and configuration', () => {
  it('answers 404 (unmatched, so Node middleware falls through) for every charge route without resolveCharge', async () => {
    const { fake, handler } = setup({ resolveCharge: undefined });
    for (const [method, path] of [
      ['POST', '/charges'],
      ['GET', '/charges/ch_abc'],
      ['POST', '/charges/ch_abc/finish'],
      ['POST', '/charges/ch_abc/redirect'],
    ] as const) {
      const answer = await send(handler, method, path, method === 'POST' ? {} : undefined, asAlice);
      expect(answer.status, path).toBe(404);
      expect(answer.json.error.code).toBe('not_found');
    }
    let nextCalled = false;
    const listener = toNodeListener(handler);
    await new Promise<void>((resolve) => {
      const req = Object.assign(new (class {})(), { method: 'GET', url: '/charges/ch_abc', headers: {}, readableEnded: true, socket: {} });
      listener(req as never, {} as never, () => {
        nextCalled = true;
        resolve();
      });
    });
    expect(nextCalled).toBe(true);
    expect(fake.calls).toEqual([]);
  });

  it('answers 405 with Allow on the charge and token routes', async () => {
    const { handler } = setup();
    for (const [method, path, allow] of [
      ['GET', '/charges', 'POST'],
      ['POST', '/charges/ch_abc', 'GET'],
      ['GET', '/charges/ch_abc/finish', 'POST'],
      ['GET', '/charges/ch_abc/redirect', 'POST'],
      ['GET', '/tokens/tok_abc/finish', 'POST'],
      ['DELETE', '/tokens/tok_abc/redirect', 'POST'],
    ] as const) {
      const answer = await send(handler, method, path, undefined, asAlice);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.get('allow')).toBe(allow);
    }
  });

  it('matches charge and token routes under basePath, and 404s the rest', async () => {
    const { handler } = setup({ basePath: '/api/3ds' });
    expect((await send(handler, 'POST', '/api/3ds/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice)).status).toBe(201);
    expect((await send(handler, 'POST', '/other/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice)).status).toBe(404);
    for (const path of ['/api/3ds/charges/ch_a/other', '/api/3ds/tokens', '/api/3ds/tokens/tok_a', '/api/3ds/tokens/tok_a/other', '/api/3ds/chargesx']) {
      expect((await send(handler, 'POST', path, {}, asAlice)).status, path).toBe(404);
    }
  });

  it('refuses a non-function resolveCharge at creation', () => {
    expect(() => createPayjpHandler({ secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => null, resolveCharge: 'yes' as never })).toThrowError(
      expect.objectContaining({ code: 'misconfigured' }),
    );
  });

  it('answers 500 misconfigured when the client has no charges API', async () => {
    const fake = createFakePayjp();
    const client = { ...fake.client, charges: undefined };
    const handler = createPayjpHandler({ secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => ALICE, resolveCharge: () => ({ amount: 1000 }), payjp: client as PayjpClientLike });
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'x' });
    expect(answer.status).toBe(500);
    expect(answer.json.error.code).toBe('misconfigured');
  });
});
