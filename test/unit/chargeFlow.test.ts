import { describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { ThreeDSecureError } from '../../src/core/errors';
import { createChargeFlow } from '../../src/core/payjp/createChargeFlow';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { PayjpInstance } from '../../src/core/payjp/payjs';
import type { ChargeSummary } from '../../src/core/payjp/protocol';

function charge(patch: Partial<ChargeSummary> = {}): ChargeSummary {
  return { id: 'ch_1', amount: 1200, currency: 'jpy', paid: false, captured: false, threeDSecureStatus: 'unverified', outcome: 'pending', createdAt: 1, ...patch };
}

function setup(reads: ChargeSummary[], payjp: Partial<PayjpInstance> = {}) {
  const backend: PayjpBackend = {
    provider: 'payjp',
    createCardVerification: vi.fn(),
    getCardVerification: vi.fn(),
    createCharge: vi.fn(async () => charge()),
    getCharge: vi.fn(async () => (reads.length > 1 ? reads.shift()! : reads[0]!)),
    finishCharge: vi.fn(async () => charge({ paid: true, captured: true, threeDSecureStatus: 'verified', outcome: 'succeeded' })),
    finishToken: vi.fn(),
    createRedirectUrl: vi.fn(async () => 'https://api.pay.jp/v1/tds/ch_1/start?publickey=pk&back_url=x'),
  };
  const instance: PayjpInstance = {
    getPublicKey: () => 'pk_test_sandbox',
    openThreeDSecureIframe: vi.fn(async () => undefined),
    openThreeDSecureDialog: vi.fn(async () => undefined),
    ...payjp,
  };
  const attempts = createAttemptStore();
  const flow = createChargeFlow({ backend, attempts, getPayjp: async () => instance, pollDelaysMs: [0, 1, 1, 1] });
  return { flow, backend, instance, attempts };
}

describe('createChargeFlow', () => {
  it('creates one charge for the order (no amount from the browser), challenges, then finishes once', async () => {
    const { flow, backend, instance } = setup([charge({ threeDSecureStatus: 'unverified' }), charge({ threeDSecureStatus: 'verified' })]);
    const first = flow.start({ token: 'tok_1', order: { cart: 'c-1' } });
    expect(flow.start({ token: 'tok_1', order: { cart: 'c-1' } })).toBe(first);
    const state = await first;
    expect(state.state).toBe('succeeded');
    expect(state.charge?.paid).toBe(true);
    expect(backend.createCharge).toHaveBeenCalledTimes(1);
    expect(backend.createCharge).toHaveBeenCalledWith({ token: 'tok_1', order: { cart: 'c-1' } }, expect.anything());
    expect(instance.openThreeDSecureIframe).toHaveBeenCalledWith('ch_1');
    expect(backend.finishCharge).toHaveBeenCalledTimes(1);
  });

  it('reports a decline at finish as card_declined, keeping the charge', async () => {
    const { flow, backend } = setup([charge({ threeDSecureStatus: 'verified' })]);
    vi.mocked(backend.finishCharge).mockRejectedValueOnce(new ThreeDSecureError('card_declined', 'declined', { status: 402, providerCode: 'card_declined' }));
    const state = await flow.start({ token: 'tok_1' });
    expect(state.state).toBe('failed');
    expect(state.error).toMatchObject({ code: 'card_declined', providerCode: 'card_declined' });
    expect(state.charge?.id).toBe('ch_1');
  });

  it('reports an expired flow at finish as expired (start again)', async () => {
    const { flow, backend } = setup([charge({ threeDSecureStatus: 'attempted' })]);
    vi.mocked(backend.finishCharge).mockRejectedValueOnce(new ThreeDSecureError('expired', 'three_d_secure_expired', { status: 409 }));
    expect((await flow.start({ token: 'tok_1' })).state).toBe('expired');
  });

  it('maps a failed challenge without calling finish', async () => {
    const { flow, backend } = setup([charge({ threeDSecureStatus: 'failed', outcome: 'failed' })]);
    const state = await flow.start({ cardId: 'car_1' });
    expect(state.error?.code).toBe('three_d_secure_failed');
    expect(backend.finishCharge).not.toHaveBeenCalled();
  });

  it('calls a closed screen with an unverified charge canceled', async () => {
    const { flow } = setup([charge()], { openThreeDSecureIframe: vi.fn(async () => Promise.reject(Object.assign(new Error('closed'), { code: 'canceled' }))) });
    expect((await flow.start({ token: 'tok_1' })).state).toBe('canceled');
  });

  it('saves the charge before leaving for the redirect workflow', async () => {
    const navigate = vi.fn();
    const { backend, attempts } = setup([charge()]);
    const flow = createChargeFlow({ backend, attempts, getPayjp: async () => Promise.reject(new Error('not needed')), workflow: 'redirect', navigate });
    expect((await flow.start({ token: 'tok_1' })).state).toBe('redirecting');
    expect(attempts.load()).toMatchObject({ provider: 'payjp', kind: 'charge', resourceId: 'ch_1' });
    expect(navigate).toHaveBeenCalledTimes(1);
  });
});
