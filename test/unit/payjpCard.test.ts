import { describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { createPayjpCard } from '../../src/core/payjp/createPayjpCard';
import { createVerifiedToken } from '../../src/core/payjp/createVerifiedToken';
import type { PayjpElementsApi, PayjpInstance, PayjsElement, PayjsElementChangeEvent } from '../../src/core/payjp/payjs';
import { readPayjsTokenError } from '../../src/core/payjp/readPayjsTokenError';
import { toE164Phone } from '../../src/core/payjp/toE164Phone';

describe('toE164Phone', () => {
  it.each([
    ['090-1234-5678', '+819012345678'],
    ['０９０ １２３４ ５６７８', '+819012345678'],
    ['(03) 1234-5678', '+81312345678'],
    ['+1 415 555 0100', '+14155550100'],
  ])('%s → %s', (input, expected) => expect(toE164Phone(input)).toBe(expected));

  it('refuses what cannot be a phone number, naming the field', () => {
    expect(() => toE164Phone('12')).toThrow(expect.objectContaining({ code: 'invalid_card', field: 'phone' }));
  });
});

describe('readPayjsTokenError', () => {
  it.each([
    [{ code: 'card_declined', message: 'x', status: 402, type: 'card_error' }, 'card_declined'],
    [{ code: 'invalid_number', message: 'x', status: 400, type: 'client_error' }, 'invalid_card'],
    [{ code: 'canceled', message: 'x' }, 'canceled'],
    [{ code: 'popup_blocked', message: 'x' }, 'popup_blocked'],
    [{ message: 'Failed to fetch' }, 'network_error'],
    [{ code: 'server_error', message: 'x', status: 500 }, 'backend_error'],
    [{ code: 'three_d_secure_incompleted', message: 'x', status: 400 }, 'three_d_secure_failed'],
    [{ code: 'three_d_secure_expired', message: 'x', status: 400 }, 'expired'],
    // Client-side validation without a status (fidelity row 7): the card, not the network.
    [{ code: 'invalid_number', message: 'x', type: 'validation_error' }, 'invalid_card'],
    [{ code: 'incomplete_error', message: 'カード番号が入力途中です。', type: 'client_error' }, 'invalid_card'],
    [{ code: 'invalid_expiry_month_past', message: 'x' }, 'invalid_card'],
    [{ message: 'x', type: 'validation_error' }, 'invalid_card'],
    [{ code: 'network_error', message: 'PAY.JP に接続できませんでした。', type: 'client_error' }, 'network_error'],
    [{ code: 'something_new', message: 'x' }, 'backend_error'],
  ])('%o → %s', (error, code) => {
    expect(readPayjsTokenError({ error }).code).toBe(code);
  });
});

/** A fake payjs with one group of elements whose change events the test drives. */
function fakePayjs(tokenResult: unknown = { id: 'tok_1', card: { three_d_secure_status: 'verified' } }) {
  const handlers = new Map<string, (event: PayjsElementChangeEvent) => void>();
  const mountedAt: string[] = [];
  const unmounted: string[] = [];
  const createToken = vi.fn(async () => tokenResult);
  const payjp = {
    getPublicKey: () => 'pk_test_x',
    openThreeDSecureIframe: vi.fn(),
    openThreeDSecureDialog: vi.fn(),
    elements: () => ({
      create: (type: string): PayjsElement => ({
        mount: (target) => {
          mountedAt.push(String(target));
        },
        unmount: () => {
          unmounted.push(type);
        },
        on: ((event: string, handler: (event?: PayjsElementChangeEvent) => void) => {
          if (event === 'change') handlers.set(type, handler as (event: PayjsElementChangeEvent) => void);
          if (event === 'ready') queueMicrotask(() => handler());
        }) as PayjsElement['on'],
      }),
    }),
    createToken,
  } as unknown as PayjpInstance & PayjpElementsApi;
  return { payjp, handlers, mountedAt, unmounted, createToken };
}

describe('createPayjpCard', () => {
  it('mounts split fields by id, merges their state, and unmounts them', async () => {
    const fake = fakePayjs();
    const card = createPayjpCard({ getPayjp: async () => fake.payjp });
    const [number, expiry, cvc] = [document.createElement('div'), document.createElement('div'), document.createElement('div')];
    const unmount = card.mount({ number, expiry, cvc });
    await vi.waitFor(() => expect(card.getSnapshot().ready).toBe(true));
    expect(fake.mountedAt).toEqual([`#${number.id}`, `#${expiry.id}`, `#${cvc.id}`]);
    fake.handlers.get('cardNumber')!({ elementType: 'cardNumber', empty: false, complete: true, brand: 'Visa' });
    fake.handlers.get('cardExpiry')!({ elementType: 'cardExpiry', empty: false, complete: false, error: { message: '有効期限が正しくありません', code: 'invalid_expiry' } });
    expect(card.getSnapshot()).toMatchObject({ complete: false, brand: 'Visa', error: { code: 'invalid_card', providerCode: 'invalid_expiry', field: 'expiry' } });
    unmount();
    expect(fake.unmounted).toEqual(['cardNumber', 'cardExpiry', 'cardCvc']);
    expect(card.getSnapshot().ready).toBe(false);
  });

  it('asks PAY.JP’s 3-D Secure cardholder fields, converting the phone, and types payjs errors', async () => {
    const fake = fakePayjs();
    const card = createPayjpCard({ getPayjp: async () => fake.payjp });
    card.mount({ card: document.createElement('div') });
    await vi.waitFor(() => expect(card.getSnapshot().ready).toBe(true));
    await expect(card.createToken({ email: 'a@example.jp' }, { threeDSecure: true })).rejects.toMatchObject({ code: 'invalid_card', field: 'name' });
    await expect(card.createToken({ name: 'TARO' }, { threeDSecure: true })).rejects.toMatchObject({ code: 'invalid_card', field: 'email' });
    await card.createToken({ name: ' TARO YAMADA ', phone: '090-1234-5678' }, { threeDSecure: true });
    expect(fake.createToken).toHaveBeenCalledWith(expect.anything(), { card: { name: 'TARO YAMADA', phone: '+819012345678' }, three_d_secure: true }, undefined);

    const declined = fakePayjs({ error: { code: 'card_declined', message: 'declined', status: 402, type: 'card_error' } });
    const other = createPayjpCard({ getPayjp: async () => declined.payjp });
    other.mount({ card: document.createElement('div') });
    await vi.waitFor(() => expect(other.getSnapshot().ready).toBe(true));
    await expect(other.createToken()).rejects.toMatchObject({ code: 'card_declined', providerCode: 'card_declined' });
  });

  it('token 3-D Secure: the server confirms the token, or the redirect takes over', async () => {
    const fake = fakePayjs();
    const card = createPayjpCard({ getPayjp: async () => fake.payjp });
    card.mount({ card: document.createElement('div') });
    await vi.waitFor(() => expect(card.getSnapshot().ready).toBe(true));
    const backend = {
      finishToken: vi.fn(async () => ({ id: 'tok_1', threeDSecureStatus: 'attempted', outcome: 'failed', attemptedRefused: true })),
      createRedirectUrl: vi.fn(async () => 'https://api.pay.jp/v1/tds/tok_1/start?x'),
    } as unknown as PayjpBackend;
    const attempts = createAttemptStore();
    await expect(createVerifiedToken({ card, backend, attempts, workflow: 'iframe' }, { name: 'T', email: 'a@b.jp' })).rejects.toMatchObject({ code: 'attempted_not_accepted' });
    const navigate = vi.fn();
    const result = await createVerifiedToken({ card, backend, attempts, workflow: 'redirect', navigate }, { name: 'T', email: 'a@b.jp' });
    expect(result.status).toBe('redirecting');
    expect(attempts.load()).toMatchObject({ kind: 'token', resourceId: 'tok_1' });
    expect(navigate).toHaveBeenCalledWith('https://api.pay.jp/v1/tds/tok_1/start?x');
  });
});

describe('token 3-D Secure keeps the shopper in pay.js’s overlay', () => {
  it('makes the rest of the page inert while the overlay is up, and restores it', async () => {
    const page = document.createElement('main');
    document.body.append(page);
    let finish: (value: unknown) => void = () => undefined;
    const fake = fakePayjs();
    fake.createToken.mockImplementation(() => {
      const overlay = document.createElement('div');
      overlay.setAttribute('role', 'dialog');
      overlay.append(document.createElement('iframe'));
      document.body.append(overlay);
      return new Promise((resolve) => {
        finish = (value) => {
          overlay.remove();
          resolve(value);
        };
      });
    });
    const card = createPayjpCard({ getPayjp: async () => fake.payjp });
    card.mount({ card: document.createElement('div') });
    await vi.waitFor(() => expect(card.getSnapshot().ready).toBe(true));
    const token = card.createToken({ name: 'TARO', email: 'taro@example.jp' }, { threeDSecure: true });
    await vi.waitFor(() => expect(page.hasAttribute('inert')).toBe(true));
    finish({ id: 'tok_1', card: { three_d_secure_status: 'verified' } });
    await token;
    expect(page.hasAttribute('inert')).toBe(false);
    page.remove();
  });
});
