import { afterAll, describe, expect, it } from 'vitest';
import { isThreeDSecureError } from '../../src/core/errors';
import { createMemoryLedgerStore, createPayjpHandler, reconcile, type LedgerStore, type PayjpHandlerEvent, type PayjpHandlerOptions, type ResolvedCharge } from '../../src/server';
import { orderSlotKey } from '../../src/server/attemptLedger';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, sdkHttpError, seenBodies, send } from './payjpHandlerFake';

/** The ledger's options and edge cases on the in-memory PAY.JP fake (no network, fake clocks). */

afterAll(() => expectNoSecretIn(seenBodies));

const ALICE = 'cus_alice';
const asAlice = { 'x-customer': ALICE };

function setup(orders: Record<string, unknown>, options: Partial<PayjpHandlerOptions> = {}) {
  const fake = createFakePayjp();
  fake.putToken('tok_a', null);
  fake.putToken('tok_b', null);
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    resolveCharge: (_request, order) => (typeof order === 'string' ? ((orders[order] as ResolvedCharge | undefined) ?? null) : null),
    payjp: fake.client,
    now: () => fake.clock.ms,
    ...options,
  });
  const creates = () => fake.calls.filter((call) => call.method === 'charges.create').length;
  return { fake, handler, creates };
}

function misconfiguredBy(create: () => unknown): boolean {
  try {
    create();
  } catch (error) {
    return isThreeDSecureError(error) && error.code === 'misconfigured';
  }
  return false;
}

describe('createPayjpHandler: the attempt ledger', () => {
  it('refuses a store that is not a LedgerStore, and an onEvent that is not a function, at creation', () => {
    const base = { secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => ALICE };
    expect(misconfiguredBy(() => createPayjpHandler({ ...base, store: { get: async () => null } as unknown as LedgerStore }))).toBe(true);
    expect(misconfiguredBy(() => createPayjpHandler({ ...base, onEvent: 'log' as never }))).toBe(true);
    expect(misconfiguredBy(() => createPayjpHandler({ ...base, store: createMemoryLedgerStore(), onEvent: () => undefined }))).toBe(false);
  });

  it.each([[''], ['x'.repeat(501)], [42]])('a bad orderKey from resolveCharge (%j) is 500 misconfigured, before PAY.JP', async (orderKey) => {
    const { handler, creates } = setup({ cart: { amount: 1000, orderKey } });
    const answer = await send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice);
    expect(answer.status).toBe(500);
    expect(answer.json.error).toMatchObject({ code: 'misconfigured' });
    expect(creates()).toBe(0);
  });

  it('the default in-memory store: one charge per orderKey in one process, a new one once the amount changes', async () => {
    const orders = { cart: { amount: 1000, orderKey: 'order-1' }, bigger: { amount: 2000, orderKey: 'order-1' } };
    const { handler, creates } = setup(orders);
    const first = await send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice);
    const second = await send(handler, 'POST', '/charges', { token: 'tok_b', order: 'cart' }, asAlice);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.json).toMatchObject({ reused: true, charge: { id: first.json.charge.id } });
    expect((await send(handler, 'POST', '/charges', { token: 'tok_b', order: 'bigger' }, asAlice)).status).toBe(201);
    expect(creates()).toBe(2);
  });

  it('a create that crashed while holding its order’s claim: the claim expires and the next create charges', async () => {
    let storeClock = 0;
    const store = createMemoryLedgerStore({ now: () => storeClock });
    const slot = await orderSlotKey(ALICE, 'order-1', 1000);
    expect(await store.setIfAbsent(slot ?? '', JSON.stringify({ claim: 'crashed-server' }), 60_000)).toBe(true);
    const { handler, creates } = setup({ cart: { amount: 1000, orderKey: 'order-1' } }, { store });
    const pending = send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(creates()).toBe(0);
    storeClock += 60_000;
    expect((await pending).status).toBe(201);
    expect(creates()).toBe(1);
  });

  it('a failed create frees the order for the next one, and a throwing onEvent changes no answer', async () => {
    const events: PayjpHandlerEvent[] = [];
    const { handler, fake, creates } = setup(
      { cart: { amount: 1000, orderKey: 'order-1' } },
      {
        onEvent: (event) => {
          events.push(event);
          throw new Error('analytics is down');
        },
      },
    );
    fake.failNext('charges.create', sdkHttpError('v3', 402, 'card_declined', 'card_error'));
    expect((await send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice)).status).toBe(402);
    const retry = await send(handler, 'POST', '/charges', { token: 'tok_b', order: 'cart' }, asAlice);
    expect(retry.status).toBe(201);
    expect(creates()).toBe(2);
    expect(events.map((event) => event.type)).toEqual(['charge_created']);
  });

  it('a store that fails: 500 backend_error reported to onError, nothing charged or finished without the guard', async () => {
    const broken = createMemoryLedgerStore();
    const failing: LedgerStore = { ...broken, setIfAbsent: () => Promise.reject(new Error('redis down')) };
    const errors: unknown[] = [];
    const { handler, fake, creates } = setup({ cart: { amount: 1000, orderKey: 'order-1' } }, { store: failing, onError: (error) => errors.push(error) });
    const created = await send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice);
    expect(created.status).toBe(500);
    expect(created.json.error.code).toBe('backend_error');
    expect(creates()).toBe(0);
    fake.putCharge({ id: 'ch_verified1', amount: 1000, three_d_secure_status: 'verified', metadata: { react3ds_customer: ALICE } });
    expect((await send(handler, 'POST', '/charges/ch_verified1/finish', undefined, asAlice)).status).toBe(500);
    expect(fake.calls.filter((call) => call.method === 'charges.tds_finish')).toHaveLength(0);
    expect(errors.map((error) => (error as Error).message)).toEqual(['redis down', 'redis down']);
  });

  it('reconcile() refuses a missing secret key or store', async () => {
    await expect(reconcile({ secretKey: 'nope', store: createMemoryLedgerStore() })).rejects.toThrow(TypeError);
    await expect(reconcile({ secretKey: SECRET_KEY, store: undefined as never })).rejects.toThrow(TypeError);
  });

  it('reconcile() on the fake: a network failure leaves the attempt open for the next run, without finishing twice', async () => {
    const store = createMemoryLedgerStore();
    const { handler, fake } = setup({ cart: { amount: 1000, orderKey: 'order-1' } }, { store });
    const created = await send(handler, 'POST', '/charges', { token: 'tok_a', order: 'cart' }, asAlice);
    const id = created.json.charge.id as string;
    fake.updateCharge(id, { three_d_secure_status: 'verified' });
    const network = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    fake.failNext('charges.retrieve', network);
    const options = { secretKey: SECRET_KEY, store, payjp: fake.client, now: () => fake.clock.ms };
    expect(await reconcile(options)).toMatchObject({ checked: 1, finished: [], errors: [{ chargeId: id }] });
    expect(await reconcile(options)).toMatchObject({ checked: 1, finished: [id], errors: [] });
    expect(await reconcile(options)).toMatchObject({ checked: 0 });
    expect(fake.calls.filter((call) => call.method === 'charges.tds_finish')).toHaveLength(1);
  });
});
