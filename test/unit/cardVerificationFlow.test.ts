import { describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { ThreeDSecureError } from '../../src/core/errors';
import { createCardVerificationFlow, type CardVerificationFlowOptions } from '../../src/core/payjp/createCardVerificationFlow';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { PayjpInstance } from '../../src/core/payjp/payjs';
import type { CardVerification } from '../../src/core/payjp/protocol';

function verification(patch: Partial<CardVerification> = {}): CardVerification {
  return {
    id: 'tdsr_1',
    cardId: 'car_1',
    state: 'created',
    threeDSecureStatus: 'unverified',
    outcome: 'pending',
    createdAt: 1,
    startedAt: null,
    resultReceivedAt: null,
    finishedAt: null,
    expiredAt: null,
    ...patch,
  };
}

const finished = (status: string, outcome: CardVerification['outcome'], extra: Partial<CardVerification> = {}) =>
  verification({ state: 'finished', threeDSecureStatus: status, outcome, ...extra });

function setup(reads: CardVerification[], payjp: Partial<PayjpInstance> = {}, extra: Partial<CardVerificationFlowOptions> = {}) {
  const backend: PayjpBackend = {
    provider: 'payjp',
    createCardVerification: vi.fn(async () => verification()),
    getCardVerification: vi.fn(async () => (reads.length > 1 ? reads.shift()! : reads[0]!)),
    createRedirectUrl: vi.fn(async () => 'https://api.pay.jp/v1/tds/tdsr_1/start?publickey=pk&back_url=x'),
    createCharge: vi.fn(),
    getCharge: vi.fn(),
    finishCharge: vi.fn(),
    finishToken: vi.fn(),
  };
  const instance: PayjpInstance = {
    getPublicKey: () => 'pk_test_sandbox',
    openThreeDSecureIframe: vi.fn(async () => undefined),
    openThreeDSecureDialog: vi.fn(async () => undefined),
    ...payjp,
  };
  const attempts = createAttemptStore();
  const flow = createCardVerificationFlow({ backend, attempts, getPayjp: async () => instance, pollDelaysMs: [0, 1, 1, 1], ...extra });
  return { flow, backend, instance, attempts };
}

describe('createCardVerificationFlow', () => {
  it('creates one request, opens the iframe, and lets the backend status decide', async () => {
    const { flow, backend, instance } = setup([verification({ state: 'in_progress' }), finished('verified', 'succeeded')]);
    const seen: string[] = [];
    flow.subscribe(() => seen.push(flow.getSnapshot().state));
    const first = flow.start({ cardId: 'car_1' });
    const second = flow.start({ cardId: 'car_1' });
    expect(second).toBe(first);
    const state = await first;
    expect(state.state).toBe('succeeded');
    expect(state.verification?.threeDSecureStatus).toBe('verified');
    expect(backend.createCardVerification).toHaveBeenCalledTimes(1);
    expect(instance.openThreeDSecureIframe).toHaveBeenCalledWith('tdsr_1');
    expect(backend.getCardVerification).toHaveBeenCalledTimes(2);
    expect(seen).toEqual(['creating', 'challenging', 'verifying', 'succeeded']);
  });

  it.each([
    [finished('failed', 'failed'), 'failed', 'three_d_secure_failed'],
    [finished('attempted', 'failed', { attemptedRefused: true }), 'failed', 'attempted_not_accepted'],
    [verification({ expiredAt: 5, outcome: 'expired' }), 'expired', 'expired'],
  ] as const)('maps the server verdict %# to %s / %s', async (read, status, code) => {
    const { flow } = setup([read]);
    const state = await flow.start({ cardId: 'car_1' });
    expect(state.state).toBe(status);
    expect(state.error?.code).toBe(code);
  });

  it('treats a closed screen with no result as canceled, after reading twice', async () => {
    const { flow, backend } = setup([verification({ state: 'in_progress' })], {
      openThreeDSecureIframe: vi.fn(async () => Promise.reject(Object.assign(new Error('closed'), { code: 'canceled' }))),
    });
    const state = await flow.start({ cardId: 'car_1' });
    expect(state.state).toBe('canceled');
    expect(state.error?.code).toBe('canceled');
    expect(backend.getCardVerification).toHaveBeenCalledTimes(2);
  });

  it('reads a rejected screen that did get a result as that result (the promise is only a hint)', async () => {
    const { flow } = setup([finished('failed', 'failed')], { openThreeDSecureIframe: vi.fn(async () => Promise.reject(new Error('failed'))) });
    expect((await flow.start({ cardId: 'car_1' })).state).toBe('failed');
  });

  it('keeps reading while the slow issuer has not answered, then reports status_unknown', async () => {
    const { flow, backend } = setup([verification({ state: 'in_progress' })]);
    const state = await flow.start({ cardId: 'car_1' });
    expect(state.state).toBe('error');
    expect(state.error?.code).toBe('status_unknown');
    expect(backend.getCardVerification).toHaveBeenCalledTimes(4);
  });

  it('falls back to the iframe when the sub-window is blocked', async () => {
    const blocked = Object.assign(new Error('popup blocked'), { code: 'popup_blocked' });
    const { flow, instance } = setup([finished('verified', 'succeeded')], { openThreeDSecureDialog: vi.fn(async () => Promise.reject(blocked)) });
    const state = await flow.start({ cardId: 'car_1', workflow: 'subwindow' });
    expect(state.state).toBe('succeeded');
    expect(state.workflow).toBe('iframe');
    expect(instance.openThreeDSecureIframe).toHaveBeenCalledTimes(1);
  });

  it('detects a silently failing sub-window by the request never starting', async () => {
    const { flow, instance } = setup([verification({ state: 'created' }), finished('verified', 'succeeded')], {
      openThreeDSecureDialog: vi.fn(async () => Promise.reject(new Error('closed'))),
    });
    expect((await flow.start({ cardId: 'car_1', workflow: 'subwindow' })).workflow).toBe('iframe');
    expect(instance.openThreeDSecureIframe).toHaveBeenCalledTimes(1);
  });

  it('reports popup_blocked when no fallback is allowed', async () => {
    const { flow } = setup([verification()], { openThreeDSecureDialog: vi.fn(async () => Promise.reject(Object.assign(new Error('x'), { code: 'popup_blocked' }))) }, { popupFallback: 'none' });
    const state = await flow.start({ cardId: 'car_1', workflow: 'subwindow' });
    expect(state.state).toBe('error');
    expect(state.error?.code).toBe('popup_blocked');
  });

  it('saves the attempt before leaving for the redirect workflow', async () => {
    const navigate = vi.fn();
    const { flow, attempts, backend } = setup([verification()], {}, { navigate, returnUrl: 'https://shop.example/3ds/return' });
    const state = await flow.start({ cardId: 'car_1', workflow: 'redirect' });
    expect(state.state).toBe('redirecting');
    expect(backend.createRedirectUrl).toHaveBeenCalledWith('tdsr_1', { returnUrl: 'https://shop.example/3ds/return' }, expect.anything());
    expect(attempts.load()).toMatchObject({ provider: 'payjp', kind: 'card', resourceId: 'tdsr_1' });
    expect(navigate).toHaveBeenCalledWith('https://api.pay.jp/v1/tds/tdsr_1/start?publickey=pk&back_url=x');
  });

  it('cancel() during the challenge ends in canceled and removes what pay.js added', async () => {
    const { flow } = setup([verification()], {
      openThreeDSecureIframe: vi.fn(() => {
        // No marker: what pay.js adds during the call is what counts.
        const overlay = document.createElement('div');
        overlay.id = 'payjs-overlay';
        overlay.append(document.createElement('iframe'));
        document.body.append(overlay);
        return new Promise<void>(() => {});
      }),
    });
    const running = flow.start({ cardId: 'car_1' });
    await vi.waitFor(() => expect(document.getElementById('payjs-overlay')).not.toBeNull());
    flow.cancel();
    const state = await running;
    expect(state.state).toBe('canceled');
    expect(document.getElementById('payjs-overlay')).toBeNull();
  });

  it('puts backend failures in state as typed errors and allows a new start', async () => {
    const { flow, backend } = setup([finished('verified', 'succeeded')]);
    vi.mocked(backend.createCardVerification).mockRejectedValueOnce(new ThreeDSecureError('forbidden', 'not yours', { status: 403 }));
    const failed = await flow.start({ cardId: 'car_other' });
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('forbidden');
    expect((await flow.start({ cardId: 'car_1' })).state).toBe('succeeded');
  });
});
