import Payjp from 'payjp';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY, type PayjpChallengeOutcome } from '../../src/sandbox';
import { createPayjpHandler, reconcile, type LedgerStore, type PayjpClientLike, type PayjpHandlerEvent, type ResolvedCharge, type UnsettledAttempt } from '../../src/server';
import { createRedisLedgerStore } from '../../src/server/createRedisLedgerStore';
import { startRedisServer, type TestRedisServer } from '../support/redisServer';
import { passChallenge } from './passChallenge';

/**
 * The attempt ledger across servers: two createPayjpHandler instances (two "servers", each with
 * its own Redis connection) share one real redis-server, against the sandbox's PAY.JP through the
 * official SDK; then reconcile() from a "cron" on the same Redis.
 */

const RETURN_URL = 'https://shop.example/checkout/3ds-return';
const MINUTE = 60_000;
const CARD = { exp_month: 12, exp_year: 2040, cvc: '123', name: 'TARO YAMADA', email: 'taro@example.com' };
const ORDERS: Record<string, ResolvedCharge> = {
  cart_1: { amount: 3980, metadata: { order_id: 'cart_1' }, orderKey: 'order-1' },
  cart_2: { amount: 1200, metadata: { order_id: 'cart_2' }, orderKey: 'order-2' },
  cart_3: { amount: 3980, orderKey: 'order-3' },
  cart_4: { amount: 3980, orderKey: 'order-4' },
  cart_5: { amount: 3980, orderKey: 'order-5' },
  /** No orderKey: the app does not ask for one charge per order. */
  plain: { amount: 3980 },
  guest_cart: { amount: 2500, orderKey: 'guest-session-7:cart-3' },
  guest_plain: { amount: 2500 },
};

type SetupClient = PayjpClientLike & {
  charges: NonNullable<PayjpClientLike['charges']>;
  tokens: Required<NonNullable<PayjpClientLike['tokens']>> & { create(query: object, headers: object): Promise<{ id: string }> };
  customers: PayjpClientLike['customers'] & { create(query: { card?: string }): Promise<{ id: string }> };
};

let redis: TestRedisServer;
let prefixes = 0;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function connectedStore(prefix: string): Promise<LedgerStore> {
  const client = createClient({ url: redis.url });
  await client.connect();
  cleanups.push(() => client.quit());
  return createRedisLedgerStore(client, { prefix });
}

async function setup() {
  let clock = Date.UTC(2025, 0, 15, 3, 0, 0);
  const sandbox = await createSandbox({ payjp: { now: () => clock } }).listen();
  cleanups.push(() => sandbox.close());
  const sdk = Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase: sandbox.payjpApiBase, timeout: 5000 }) as unknown as SetupClient;
  const calls = { create: 0, finish: new Map<string, number>(), tokenFinish: 0 };
  // The SDK with charges.create and tds_finish counted (methods kept on their resource).
  const counted: PayjpClientLike = {
    ...sdk,
    charges: {
      create: (query) => {
        calls.create += 1;
        return sdk.charges.create(query);
      },
      retrieve: (id) => sdk.charges.retrieve(id),
      tds_finish: (id) => {
        calls.finish.set(id, (calls.finish.get(id) ?? 0) + 1);
        return sdk.charges.tds_finish(id);
      },
    },
    tokens: {
      retrieve: (id) => sdk.tokens.retrieve(id),
      tds_finish: (id) => {
        calls.tokenFinish += 1;
        return sdk.tokens.tds_finish(id);
      },
    },
  };
  const prefix = `shop${(prefixes += 1)}:`;
  const events: PayjpHandlerEvent[] = [];
  const makeServer = async () =>
    createPayjpHandler({
      secretKey: SANDBOX_PAYJP_SECRET_KEY,
      publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
      resolveCustomer: (request) => request.headers.get('x-customer'),
      resolveCharge: (_request, order) => (typeof order === 'string' ? (ORDERS[order] ?? null) : null),
      allowGuestCharges: true,
      payjp: counted,
      apiBase: sandbox.payjpApiBase,
      returnUrls: [RETURN_URL],
      now: () => clock,
      store: await connectedStore(prefix),
      onEvent: (event) => events.push(event),
    });
  const servers = [await makeServer(), await makeServer()] as const;

  async function call(server: 0 | 1, method: string, path: string, customer: string | null, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...(customer ? { 'x-customer': customer } : {}), ...extra };
    if (method === 'POST') headers['content-type'] = 'application/json';
    const response = await servers[server](new Request(`https://shop.example/api/3ds${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  const token = async () => (await sdk.tokens.create({ card: { number: '4242424242424242', ...CARD } }, { 'X-Payjp-Direct-Token-Generate': 'true' })).id;
  /** A token with three_d_secure=true, as pay.js creates it with the public key. */
  async function tdsToken(): Promise<string> {
    const form = new URLSearchParams({ 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2040', 'card[cvc]': '123', 'card[name]': CARD.name, 'card[email]': CARD.email, three_d_secure: 'true' });
    const response = await fetch(`${sandbox.payjpApiBase}/tokens`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${SANDBOX_PAYJP_PUBLIC_KEY}:`)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }
  const alice = await sdk.customers.create({ card: await token() });
  const bob = await sdk.customers.create({ card: await token() });

  /** Alice creates a charge for `order` on server A and takes it through the challenge. */
  async function chargeThrough(outcome: PayjpChallengeOutcome, order = 'cart_1'): Promise<string> {
    const created = await call(0, 'POST', '/charges', alice.id, { token: await token(), order });
    expect(created.status).toBe(201);
    const id = created.json.charge.id as string;
    const redirect = await call(1, 'POST', `/charges/${id}/redirect`, alice.id, {});
    expect((await passChallenge(redirect.json.url as string, outcome)).status).toBe(303);
    return id;
  }

  return {
    sdk,
    counted,
    calls,
    events,
    prefix,
    call,
    token,
    tdsToken,
    alice,
    bob,
    chargeThrough,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
    connectedStore: () => connectedStore(prefix),
  };
}

describe('attempt ledger on a real redis-server, two handler instances, sandbox PAY.JP', () => {
  it('one charge per order: concurrent creates on two servers make one charge; the other answers it (200, reused)', async () => {
    const { call, token, alice, bob, calls } = await setup();
    const tokens = await Promise.all([token(), token(), token(), token()]);
    const answers = await Promise.all(tokens.map((tok, index) => call((index % 2) as 0 | 1, 'POST', '/charges', alice.id, { token: tok, order: 'cart_1' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.json.charge.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.json.reused === true)).toHaveLength(3);
    expect(answers[0]?.json.charge).toMatchObject({ amount: 3980, outcome: 'pending', paid: false });
    expect(calls.create).toBe(1);

    // Another order, and another customer's same order reference, are other charges.
    const other = await call(1, 'POST', '/charges', alice.id, { token: await token(), order: 'cart_2' });
    const bobs = await call(0, 'POST', '/charges', bob.id, { token: await token(), order: 'cart_1' });
    expect([other.status, bobs.status]).toEqual([201, 201]);
    expect(new Set([answers[0]?.json.charge.id, other.json.charge.id, bobs.json.charge.id]).size).toBe(3);
    expect(calls.create).toBe(3);
    // Without an orderKey from resolveCharge, every create is a charge of its own.
    const plain = await Promise.all([call(0, 'POST', '/charges', alice.id, { token: await token(), order: 'plain' }), call(1, 'POST', '/charges', alice.id, { token: await token(), order: 'plain' })]);
    expect(plain.map((answer) => answer.status)).toEqual([201, 201]);
    expect(calls.create).toBe(5);
  });

  it('one tds_finish per charge: concurrent finishes on both servers all answer paid', async () => {
    const { call, chargeThrough, alice, calls } = await setup();
    const id = await chargeThrough('verified');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, index) => call((index % 2) as 0 | 1, 'POST', `/charges/${id}/finish`, alice.id)));
    expect(answers.map((answer) => [answer.status, answer.json.charge.paid])).toEqual(Array.from({ length: 6 }, () => [200, true]));
    expect(calls.finish.get(id)).toBe(1);
  });

  it('after paying, the back button creates nothing (the paid charge answers); after a failed challenge a new charge is made', async () => {
    const { call, chargeThrough, alice, token, calls } = await setup();
    const paid = await chargeThrough('verified');
    expect((await call(0, 'POST', `/charges/${paid}/finish`, alice.id)).json.charge.paid).toBe(true);
    const back = await call(1, 'POST', '/charges', alice.id, { token: await token(), order: 'cart_1' });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ reused: true, charge: { id: paid, paid: true, outcome: 'succeeded' } });

    const failed = await chargeThrough('failed', 'cart_2');
    const retry = await call(1, 'POST', '/charges', alice.id, { token: await token(), order: 'cart_2' });
    expect(retry.status).toBe(201);
    expect(retry.json.charge.id).not.toBe(failed);
    expect(calls.create).toBe(3);
  });

  it('one tds_finish per token: concurrent token finishes on both servers, then a charge with it on the other', async () => {
    const { call, tdsToken, alice, calls, events } = await setup();
    const tok = await tdsToken();
    const redirect = await call(0, 'POST', `/tokens/${tok}/redirect`, alice.id, {});
    expect((await passChallenge(redirect.json.url as string, 'verified')).status).toBe(303);
    const answers = await Promise.all(Array.from({ length: 4 }, (_, index) => call((index % 2) as 0 | 1, 'POST', `/tokens/${tok}/finish`, alice.id)));
    expect(answers.map((answer) => [answer.status, answer.json.token.outcome])).toEqual(Array.from({ length: 4 }, () => [200, 'succeeded']));
    expect(calls.tokenFinish).toBe(1);
    const charged = await call(1, 'POST', '/charges', alice.id, { token: tok, order: 'plain' });
    expect(charged.status).toBe(201);
    expect(charged.json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
    expect(calls.tokenFinish).toBe(1);
    expect(events).toEqual([{ type: 'charge_created', chargeId: charged.json.charge.id, amount: 3980, currency: 'jpy', guest: false, reused: false, paid: true }]);
  });

  it('guests: one charge per order only when resolveCharge vouches with orderKey (same chargeTag back)', async () => {
    const { call, token, calls } = await setup();
    const keyed = await Promise.all([call(0, 'POST', '/charges', null, { token: await token(), order: 'guest_cart' }), call(1, 'POST', '/charges', null, { token: await token(), order: 'guest_cart' })]);
    expect(keyed.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(keyed[0]?.json.charge.id).toBe(keyed[1]?.json.charge.id);
    expect(keyed[0]?.json.chargeTag).toBe(keyed[1]?.json.chargeTag);
    const plain = await Promise.all([call(0, 'POST', '/charges', null, { token: await token(), order: 'guest_plain' }), call(1, 'POST', '/charges', null, { token: await token(), order: 'guest_plain' })]);
    expect(plain.map((answer) => answer.status)).toEqual([201, 201]);
    expect(plain[0]?.json.charge.id).not.toBe(plain[1]?.json.charge.id);
    expect(calls.create).toBe(3);
  });

  it('onEvent: created, reused, finished, finish refused, expired; ids and codes, no customer, card or key', async () => {
    const { call, chargeThrough, alice, token, events, advance } = await setup();
    const paid = await chargeThrough('verified');
    await call(1, 'POST', '/charges', alice.id, { token: await token(), order: 'cart_1' });
    await call(0, 'POST', `/charges/${paid}/finish`, alice.id);
    const declined = await chargeThrough('failed', 'cart_2');
    await call(1, 'POST', `/charges/${declined}/finish`, alice.id);
    const late = await chargeThrough('verified', 'cart_2');
    advance(31 * MINUTE);
    expect((await call(0, 'POST', `/charges/${late}/finish`, alice.id)).status).toBe(409);

    expect(events).toEqual([
      { type: 'charge_created', chargeId: paid, amount: 3980, currency: 'jpy', guest: false, reused: false, paid: false },
      { type: 'charge_created', chargeId: paid, amount: 3980, currency: 'jpy', guest: false, reused: true, paid: false },
      { type: 'charge_finished', chargeId: paid, amount: 3980, threeDSecureStatus: 'verified', source: 'request' },
      { type: 'charge_created', chargeId: declined, amount: 1200, currency: 'jpy', guest: false, reused: false, paid: false },
      { type: 'finish_refused', chargeId: declined, code: 'three_d_secure_failed', status: 200, threeDSecureStatus: 'failed' },
      { type: 'charge_created', chargeId: late, amount: 1200, currency: 'jpy', guest: false, reused: false, paid: false },
      { type: 'charge_expired', chargeId: late, threeDSecureStatus: 'verified', source: 'request' },
      { type: 'finish_refused', chargeId: late, code: 'expired', status: 409 },
    ]);
    const text = JSON.stringify(events);
    for (const secret of [alice.id, SANDBOX_PAYJP_SECRET_KEY, '4242', 'taro', 'TARO']) expect(text).not.toContain(secret);
  });
});

describe('reconcile() on the same Redis', () => {
  it('finishes a verified-but-abandoned charge once, closes paid and failed ones, leaves an open challenge, then reports it abandoned and a late one expired', async () => {
    const { call, chargeThrough, alice, sdk, counted, calls, advance, now, connectedStore, events } = await setup();
    const abandonedAfterPassing = await chargeThrough('verified', 'cart_1');
    // Paid outside the handler (say, a server that does not share the store).
    const paidElsewhere = await chargeThrough('verified', 'cart_2');
    await sdk.charges.tds_finish(paidElsewhere);
    const failed = await chargeThrough('failed', 'cart_3');

    const cron = await connectedStore();
    const unsettled: UnsettledAttempt[] = [];
    const run = () => reconcile({ secretKey: SANDBOX_PAYJP_SECRET_KEY, store: cron, payjp: counted, now, onUnsettled: (attempt) => void unsettled.push(attempt), onEvent: (event) => events.push(event) });

    const first = await run();
    expect(first).toMatchObject({ checked: 3, finished: [abandonedAfterPassing], alreadyPaid: [paidElsewhere], open: [], errors: [] });
    expect(first.unsettled).toEqual([failed]);
    expect(unsettled).toEqual([{ chargeId: failed, reason: 'failed', amount: 3980, threeDSecureStatus: 'failed', createdAt: expect.any(Number), guest: false }]);
    expect((await sdk.charges.retrieve(abandonedAfterPassing)).paid).toBe(true);
    expect(calls.finish.get(abandonedAfterPassing)).toBe(1);
    expect(events).toContainEqual({ type: 'charge_finished', chargeId: abandonedAfterPassing, amount: 3980, threeDSecureStatus: 'verified', source: 'reconcile' });

    // The shopper comes back and finishes: already paid, no second tds_finish. A second run does nothing.
    expect((await call(1, 'POST', `/charges/${abandonedAfterPassing}/finish`, alice.id)).json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
    expect(await run()).toEqual({ checked: 0, finished: [], alreadyPaid: [], unsettled: [], open: [], errors: [] });
    expect(calls.finish.get(abandonedAfterPassing)).toBe(1);

    // A challenge left open, and a charge verified too late to be finished.
    const open = await chargeThrough('abandon', 'cart_4');
    expect(await run()).toMatchObject({ checked: 1, open: [open], finished: [] });
    const tooLate = await chargeThrough('verified', 'cart_5');
    advance(31 * MINUTE);
    unsettled.length = 0;
    const late = await run();
    expect(late).toMatchObject({ checked: 2, finished: [], open: [], errors: [] });
    expect(late.unsettled.sort()).toEqual([open, tooLate].sort());
    expect(unsettled.map(({ chargeId, reason, threeDSecureStatus }) => ({ chargeId, reason, threeDSecureStatus })).sort((a, b) => a.chargeId.localeCompare(b.chargeId))).toEqual(
      [
        { chargeId: open, reason: 'abandoned', threeDSecureStatus: 'unverified' },
        { chargeId: tooLate, reason: 'expired', threeDSecureStatus: 'verified' },
      ].sort((a, b) => a.chargeId.localeCompare(b.chargeId)),
    );
    expect(calls.finish.get(tooLate)).toBeUndefined();
    expect(await run()).toMatchObject({ checked: 0 });
  });

  it('two cron runs and a shopper’s finish at once: one tds_finish', async () => {
    const { call, chargeThrough, alice, counted, calls, now, connectedStore } = await setup();
    const id = await chargeThrough('verified');
    const [cronA, cronB] = [await connectedStore(), await connectedStore()];
    const options = { secretKey: SANDBOX_PAYJP_SECRET_KEY, payjp: counted, now };
    const [runA, runB, shopper] = await Promise.all([reconcile({ ...options, store: cronA }), reconcile({ ...options, store: cronB }), call(1, 'POST', `/charges/${id}/finish`, alice.id)]);
    expect(shopper.json.charge).toMatchObject({ paid: true });
    expect(calls.finish.get(id)).toBe(1);
    // Each run either finished it, found it paid, found it closed, or left it to the lock holder.
    for (const run of [runA, runB]) expect(run.errors).toEqual([]);
    expect([...runA.finished, ...runB.finished].length).toBeLessThanOrEqual(1);
    expect(await reconcile({ ...options, store: cronA })).toMatchObject({ checked: 0 });
  });
});
