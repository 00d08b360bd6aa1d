// F9: sessionStorage is writable by any script of the origin, so the return flow must not trust a
// stored attempt beyond the exact shape the kit saves. Each tampered entry is "no attempt".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_STORAGE_KEY, createAttemptStore, type KurocoAttempt, type SavedAttempt } from '../../src/core/attempt/attemptStore';
import { ThreeDSecureError } from '../../src/core/errors';
import type { KurocoBackend } from '../../src/core/kuroco/types';
import { purchaseWithThreeDSecure } from '../../src/core/kuroco/purchaseWithThreeDSecure';
import { getErrorMessage, getMessage, type MessageKey } from '../../src/core/messages';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { createReturnFlow, type ThreeDSecureReturnState } from '../../src/core/return/createReturnFlow';
import { kurocoReturnStrategy } from '../../src/core/return/kurocoReturnStrategy';
import { payjpReturnStrategy } from '../../src/core/return/payjpReturnStrategy';

const kuroco: KurocoAttempt = { provider: 'kuroco', id: 'att_1', orderIds: [1001], createdAt: 1 };

const store = (value: unknown) => {
  sessionStorage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify(value));
  return createAttemptStore();
};

function settled(flow: { getSnapshot(): ThreeDSecureReturnState; subscribe(l: () => void): () => void }) {
  return new Promise<ThreeDSecureReturnState>((resolve) => {
    const check = () => {
      const state = flow.getSnapshot();
      if (state.status !== 'checking') resolve(state);
    };
    flow.subscribe(check);
    check();
  });
}

const kurocoBackend = (): KurocoBackend => ({ provider: 'kuroco', returnPath: '/r', purchase: vi.fn(), getPaymentStatus: vi.fn(async () => 'paid' as const) });

afterEach(() => sessionStorage.clear());

describe('stored attempts are validated strictly', () => {
  it('still loads every shape the kit saves', () => {
    const saved: SavedAttempt[] = [
      kuroco,
      { ...kuroco, orderIds: [1, Number.MAX_SAFE_INTEGER], outcome: { status: 'succeeded' } },
      { ...kuroco, outcome: { status: 'failed', code: 'three_d_secure_failed' } },
      { provider: 'payjp', id: 'att_2', kind: 'card', resourceId: 'tdsr_0123456789abcdef', createdAt: 2 },
      { provider: 'payjp', id: 'att_2', kind: 'charge', resourceId: 'ch_abc', chargeTag: 'aB-_09', createdAt: 2 },
      { provider: 'payjp', id: 'att_2', kind: 'token', resourceId: 'tok_X1', createdAt: 2, outcome: { status: 'failed', code: 'expired' } },
    ];
    for (const attempt of saved) expect(store(attempt).load()).toEqual(attempt);
  });

  it.each<[string, unknown]>([
    ['orderIds: [] (a vacuous "every order is paid")', { ...kuroco, orderIds: [] }],
    ['a zero order id', { ...kuroco, orderIds: [0] }],
    ['a negative order id', { ...kuroco, orderIds: [-5] }],
    ['an unsafe integer order id', { ...kuroco, orderIds: [2 ** 60] }],
    ['a string order id', { ...kuroco, orderIds: ['1001'] }],
    ['no id', { ...kuroco, id: '' }],
    ['createdAt not a number', { ...kuroco, createdAt: '1' }],
    ['outcome succeeded with an empty orderIds', { ...kuroco, orderIds: [], outcome: { status: 'succeeded' } }],
    ['outcome succeeded with extra fields', { ...kuroco, outcome: { status: 'succeeded', code: 'x' } }],
    ['outcome succeeded on a PAY.JP attempt with a bad resourceId', { provider: 'payjp', id: 'a', kind: 'charge', resourceId: '..', createdAt: 1, outcome: { status: 'succeeded' } }],
    ['outcome with an unknown status', { ...kuroco, outcome: { status: 'paid' } }],
    ['outcome null', { ...kuroco, outcome: null }],
    ['outcome code constructor', { ...kuroco, outcome: { status: 'failed', code: 'constructor' } }],
    ['outcome code toString', { ...kuroco, outcome: { status: 'failed', code: 'toString' } }],
    ['outcome code __proto__', JSON.parse(`{"provider":"kuroco","id":"a","orderIds":[1],"createdAt":1,"outcome":{"status":"failed","code":"__proto__"}}`)],
    ['outcome code the kit never settles (network_error)', { ...kuroco, outcome: { status: 'failed', code: 'network_error' } }],
    ['outcome code that is a status text key', { ...kuroco, outcome: { status: 'failed', code: 'retry' } }],
    ['outcome code with markup', { ...kuroco, outcome: { status: 'failed', code: '<img src=x>' } }],
    ['resourceId ".."', { provider: 'payjp', id: 'a', kind: 'charge', resourceId: '..', createdAt: 1 }],
    ['resourceId with a slash', { provider: 'payjp', id: 'a', kind: 'charge', resourceId: 'ch_1/../x', createdAt: 1 }],
    ['resourceId too long', { provider: 'payjp', id: 'a', kind: 'charge', resourceId: `ch_${'a'.repeat(65)}`, createdAt: 1 }],
    ['a token id on a charge', { provider: 'payjp', id: 'a', kind: 'charge', resourceId: 'tok_1', createdAt: 1 }],
    ['a charge id on a card', { provider: 'payjp', id: 'a', kind: 'card', resourceId: 'ch_1', createdAt: 1 }],
    ['a card id (car_) on a card', { provider: 'payjp', id: 'a', kind: 'card', resourceId: 'car_1', createdAt: 1 }],
    ['kind constructor', { provider: 'payjp', id: 'a', kind: 'constructor', resourceId: 'ch_1', createdAt: 1 }],
    ['a chargeTag with a newline', { provider: 'payjp', id: 'a', kind: 'charge', resourceId: 'ch_1', chargeTag: 'a\nb', createdAt: 1 }],
    ['an array', [kuroco]],
  ])('refuses %s', (_name, value) => {
    expect(store(value).load()).toBeNull();
  });
});

describe('the return flow with a tampered attempt', () => {
  it('orderIds: [] is no pending attempt, not a success with no reads', async () => {
    const backend = kurocoBackend();
    const state = await settled(createReturnFlow({ strategy: kurocoReturnStrategy(backend), attempts: store({ ...kuroco, orderIds: [] }), url: 'https://shop.example/r' }));
    expect(state.status === 'failed' && state.error.code).toBe('no_pending_attempt');
    expect(backend.getPaymentStatus).not.toHaveBeenCalled();
  });

  it('a stored success with bad fields is not shown', async () => {
    const backend = kurocoBackend();
    const state = await settled(
      createReturnFlow({ strategy: kurocoReturnStrategy(backend), attempts: store({ ...kuroco, orderIds: [-1], outcome: { status: 'succeeded' } }), url: 'https://shop.example/r' }),
    );
    expect(state.status).toBe('failed');
    expect(state.status === 'failed' && state.error.code).toBe('no_pending_attempt');
  });

  it('a PAY.JP charge return gives its charge id, also from a stored success after a reload', async () => {
    const finishCharge = vi.fn(async () => ({ id: 'ch_0123abcd', outcome: 'succeeded' }));
    const backend = { finishCharge, finishToken: vi.fn(), getCardVerification: vi.fn() } as unknown as PayjpBackend;
    const attempt = { provider: 'payjp', id: 'a', kind: 'charge', resourceId: 'ch_0123abcd', createdAt: 1 };
    const first = await settled(createReturnFlow({ strategy: payjpReturnStrategy(backend), attempts: store(attempt), url: 'https://shop.example/r' }));
    expect(first).toMatchObject({ status: 'succeeded', subject: 'payment', chargeId: 'ch_0123abcd' });
    const reloaded = await settled(
      createReturnFlow({ strategy: payjpReturnStrategy(backend), attempts: store({ ...attempt, outcome: { status: 'succeeded' } }), url: 'https://shop.example/r' }),
    );
    expect(reloaded).toMatchObject({ status: 'succeeded', chargeId: 'ch_0123abcd' });
  });

  it('a resourceId ".." never reaches the backend', async () => {
    const finishCharge = vi.fn();
    const backend = { finishCharge, finishToken: vi.fn(), getCardVerification: vi.fn() } as unknown as PayjpBackend;
    const state = await settled(
      createReturnFlow({ strategy: payjpReturnStrategy(backend), attempts: store({ provider: 'payjp', id: 'a', kind: 'charge', resourceId: '..', createdAt: 1 }), url: 'https://shop.example/r' }),
    );
    expect(state.status === 'failed' && state.error.code).toBe('no_pending_attempt');
    expect(finishCharge).not.toHaveBeenCalled();
  });
});

describe('message lookup uses own properties only', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s resolves to no message', (key) => {
    expect(getMessage(key as MessageKey, 'ja')).toBe('');
    expect(getMessage(key as MessageKey, 'en', { en: {} })).toBe('');
    expect(getErrorMessage(new ThreeDSecureError(key as never, 'x'), 'en')).toBe('');
  });

  it('still finds the catalog and override texts', () => {
    expect(getMessage('retry', 'en')).toBe('Try again');
    expect(getMessage('retry', 'en', { en: { retry: 'Again' } })).toBe('Again');
    expect(getErrorMessage(new ThreeDSecureError('timeout', 'x'), 'ja')).toMatch(/応答/);
  });
});

describe('a purchase without 3-D Secure', () => {
  const answering = (acsHtml: string | null): KurocoBackend => ({
    ...kurocoBackend(),
    purchase: vi.fn(async () => ({ orderIds: [2002], messages: [], acsHtml })),
  });

  it('forgets a settled attempt, so the return page cannot show an old success', async () => {
    const attempts = store({ ...kuroco, outcome: { status: 'succeeded' } });
    await purchaseWithThreeDSecure(answering(null), { ec_payment_id: 1 }, attempts);
    expect(attempts.load()).toBeNull();
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  it('keeps an unsettled attempt (its orders are not confirmed yet)', async () => {
    const attempts = store(kuroco);
    await purchaseWithThreeDSecure(answering(null), { ec_payment_id: 1 }, attempts);
    expect(attempts.load()).toEqual(kuroco);
  });

  it('replaces it with the new attempt when there is a hand-off', async () => {
    const attempts = store({ ...kuroco, outcome: { status: 'succeeded' } });
    await purchaseWithThreeDSecure(answering('<form></form>'), { ec_payment_id: 1 }, attempts);
    expect(attempts.load()).toMatchObject({ provider: 'kuroco', orderIds: [2002] });
    expect(attempts.load()?.outcome).toBeUndefined();
  });
});
