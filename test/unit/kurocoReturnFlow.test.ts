import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptStore, type KurocoAttempt } from '../../src/core/attempt/attemptStore';
import { ThreeDSecureError } from '../../src/core/errors';
import type { KurocoBackend, KurocoPaymentStatus } from '../../src/core/kuroco/types';
import type { ThreeDSecureReturnState } from '../../src/core/return/createReturnFlow';
import { createKurocoReturnFlow } from '../../src/core/return/kurocoReturnStrategy';

const attempt: KurocoAttempt = { provider: 'kuroco', id: 'att_x', orderIds: [1001], createdAt: 0 };

function backendAnswering(...answers: Array<KurocoPaymentStatus | ThreeDSecureError>) {
  const getPaymentStatus = vi.fn(async () => {
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof ThreeDSecureError) throw next;
    return next as KurocoPaymentStatus;
  });
  const backend: KurocoBackend = { provider: 'kuroco', returnPath: '/return', purchase: vi.fn(), getPaymentStatus };
  return { backend, getPaymentStatus };
}

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

const delays = [0, 1, 1, 1];

describe('createKurocoReturnFlow', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/order/3dsec/');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads dsec_error=1 as a failure once Kuroco agrees (one read), keeps the order ids, settles the attempt and cleans the URL', async () => {
    window.history.replaceState(null, '', '/order/3dsec/?dsec_error=1&x=2');
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('failed');
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays }));
    expect(state).toMatchObject({ status: 'failed', orderIds: [1001] });
    expect(state.status === 'failed' && state.error.code).toBe('three_d_secure_failed');
    expect(state.status === 'failed' && state.error.orderIds).toEqual([1001]);
    expect(getPaymentStatus).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?x=2');
    expect(attempts.load()?.outcome).toEqual({ status: 'failed', code: 'three_d_secure_failed' });
  });

  // F6: the return URL is only a claim; whoever can navigate the tab can write it.
  it.each(['?dsec_error=1', '?dsec_error=%31', '?dsec%5Ferror=1'])('shows success for an order Kuroco says is paid, despite %s', async (query) => {
    window.history.replaceState(null, '', `/order/3dsec/${query}`);
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('paid');
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays }));
    expect(state).toEqual({ status: 'succeeded', orderIds: [1001], subject: 'payment' });
    expect(getPaymentStatus).toHaveBeenCalledTimes(1);
    expect(attempts.load()?.outcome).toEqual({ status: 'succeeded' });
  });

  it('does not settle a dsec_error=1 failure while Kuroco has no verdict: the attempt is kept and a reload asks again', async () => {
    window.history.replaceState(null, '', '/order/3dsec/?dsec_error=1');
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('pending');
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays }));
    expect(state.status === 'failed' && state.error.code).toBe('three_d_secure_failed');
    expect(getPaymentStatus).toHaveBeenCalledTimes(1);
    expect(attempts.load()).toEqual(attempt);
  });

  it('does not settle a dsec_error=1 failure when the order cannot be read', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend } = backendAnswering(new ThreeDSecureError('network_error', 'offline'));
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays, url: 'https://shop.example/order/3dsec/?dsec_error=1' }));
    expect(state.status === 'failed' && state.error.code).toBe('network_error');
    expect(attempts.load()).toEqual(attempt);
  });

  it('polls until the order is paid, then settles as succeeded', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('failed', 'failed', 'paid');
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays }));
    expect(state).toEqual({ status: 'succeeded', orderIds: [1001], subject: 'payment' });
    expect(getPaymentStatus).toHaveBeenCalledTimes(3);
    expect(attempts.load()?.outcome).toEqual({ status: 'succeeded' });
  });

  it('calls a still-unpaid order an authorization failure once the reads run out', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('failed');
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays }));
    expect(state.status === 'failed' && state.error.code).toBe('authorization_failed');
    expect(getPaymentStatus).toHaveBeenCalledTimes(delays.length);
  });

  it('reports status_unknown for a pending order without settling, and retry() asks again', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('pending', 'pending', 'pending', 'pending', 'paid');
    const flow = createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays });
    const first = await settled(flow);
    expect(first.status === 'failed' && first.error.code).toBe('status_unknown');
    expect(attempts.load()?.outcome).toBeUndefined();
    flow.retry();
    expect(flow.getSnapshot().status).toBe('checking');
    const second = await settled(flow);
    expect(second.status).toBe('succeeded');
    expect(getPaymentStatus).toHaveBeenCalledTimes(5);
  });

  it('rides out a network error, but stops at once on unauthorized', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const flaky = backendAnswering(new ThreeDSecureError('network_error', 'offline'), 'paid');
    expect((await settled(createKurocoReturnFlow({ backend: flaky.backend, attempts, pollDelaysMs: delays }))).status).toBe('succeeded');

    attempts.save(attempt);
    const locked = backendAnswering(new ThreeDSecureError('unauthorized', '401', { status: 401 }));
    const state = await settled(createKurocoReturnFlow({ backend: locked.backend, attempts, pollDelaysMs: delays }));
    expect(state.status === 'failed' && state.error.code).toBe('unauthorized');
    expect(state.status === 'failed' && state.error.orderIds).toEqual([1001]);
    expect(locked.getPaymentStatus).toHaveBeenCalledTimes(1);
    expect(attempts.load()?.outcome).toBeUndefined();
  });

  it('answers no_pending_attempt when nothing was saved', async () => {
    const { backend } = backendAnswering('paid');
    const state = await settled(createKurocoReturnFlow({ backend, attempts: createAttemptStore(), pollDelaysMs: delays }));
    expect(state.status === 'failed' && state.error.code).toBe('no_pending_attempt');
  });

  it('shows a settled outcome again after a reload without asking the backend', async () => {
    const attempts = createAttemptStore();
    attempts.save({ ...attempt, outcome: { status: 'succeeded' } });
    const { backend, getPaymentStatus } = backendAnswering('failed');
    const state = await settled(createKurocoReturnFlow({ backend, attempts, pollDelaysMs: delays }));
    expect(state).toEqual({ status: 'succeeded', orderIds: [1001], subject: 'payment' });
    expect(getPaymentStatus).not.toHaveBeenCalled();
  });

  it('runs one poll sequence when a listener leaves and another comes back at once (StrictMode)', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('paid');
    const flow = createKurocoReturnFlow({ backend, attempts, pollDelaysMs: [5] });
    const off = flow.subscribe(() => {});
    off();
    const state = await settled(flow);
    expect(state.status).toBe('succeeded');
    expect(getPaymentStatus).toHaveBeenCalledTimes(1);
  });

  it('stops polling when nobody listens any more', async () => {
    const attempts = createAttemptStore();
    attempts.save(attempt);
    const { backend, getPaymentStatus } = backendAnswering('pending');
    // A fake clock: on a loaded machine real 5 ms and 20 ms timers can fire in either order.
    vi.useFakeTimers();
    try {
      const flow = createKurocoReturnFlow({ backend, attempts, pollDelaysMs: [0, 20, 20, 20] });
      const off = flow.subscribe(() => {});
      await vi.advanceTimersByTimeAsync(5);
      off();
      await vi.advanceTimersByTimeAsync(80);
      expect(getPaymentStatus).toHaveBeenCalledTimes(1);
      expect(flow.getSnapshot().status).toBe('checking');
    } finally {
      vi.useRealTimers();
    }
  });
});
