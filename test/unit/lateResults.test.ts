import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptStore, type AttemptStore } from '../../src/core/attempt/attemptStore';
import { DEFAULT_CONFIRM_TIMEOUT_MS, STILL_CONFIRMING_AFTER_MS } from '../../src/core/confirm/confirmUntilFinal';
import { ThreeDSecureError } from '../../src/core/errors';
import { createCardVerificationFlow } from '../../src/core/payjp/createCardVerificationFlow';
import { createChargeFlow, type ChargeState } from '../../src/core/payjp/createChargeFlow';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { PayjpCard } from '../../src/core/payjp/createPayjpCard';
import { createVerifiedToken } from '../../src/core/payjp/createVerifiedToken';
import type { PayjpInstance } from '../../src/core/payjp/payjs';
import type { CardVerification, ChargeSummary } from '../../src/core/payjp/protocol';
import { createReturnFlow } from '../../src/core/return/createReturnFlow';
import { payjpReturnStrategy } from '../../src/core/return/payjpReturnStrategy';

const MINUTE = 60_000;

function charge(patch: Partial<ChargeSummary> = {}): ChargeSummary {
  return { id: 'ch_1', amount: 1200, currency: 'jpy', paid: false, captured: false, threeDSecureStatus: 'unverified', outcome: 'pending', createdAt: 1, ...patch };
}

function verification(patch: Partial<CardVerification> = {}): CardVerification {
  return {
    id: 'tdsr_1',
    cardId: 'car_1',
    state: 'in_progress',
    threeDSecureStatus: 'unverified',
    outcome: 'pending',
    createdAt: 1,
    startedAt: 1,
    resultReceivedAt: null,
    finishedAt: null,
    expiredAt: null,
    ...patch,
  };
}

/** A PAY.JP stand-in whose issuer result lands `lagMs` after the challenge closes (on the fake clock). */
function lateIssuer(lagMs: number) {
  let landsAt = Number.POSITIVE_INFINITY;
  const landed = () => Date.now() >= landsAt;
  const failures: unknown[] = [];
  const backend: PayjpBackend = {
    provider: 'payjp',
    createCardVerification: vi.fn(async () => verification({ state: 'created', startedAt: null })),
    getCardVerification: vi.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return landed() ? verification({ state: 'result_received', threeDSecureStatus: 'verified', outcome: 'succeeded' }) : verification();
    }),
    createRedirectUrl: vi.fn(async () => 'https://api.pay.jp/v1/tds/x/start'),
    createCharge: vi.fn(async () => charge()),
    getCharge: vi.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return landed() ? charge({ threeDSecureStatus: 'verified' }) : charge();
    }),
    finishCharge: vi.fn(async () => charge({ paid: true, captured: true, threeDSecureStatus: 'verified', outcome: 'succeeded' })),
    finishToken: vi.fn(async () =>
      landed() ? { id: 'tok_1', threeDSecureStatus: 'verified', outcome: 'succeeded' as const } : { id: 'tok_1', threeDSecureStatus: 'unverified', outcome: 'pending' as const },
    ),
  };
  const challenge = vi.fn(async () => {
    landsAt = Date.now() + lagMs;
  });
  const payjp: PayjpInstance = { getPublicKey: () => 'pk_test_sandbox', openThreeDSecureIframe: challenge, openThreeDSecureDialog: challenge };
  return { backend, payjp, challenge, failures };
}

/** Moves the fake clock until the promise settles (or `limitMs` passes), one second at a time. */
async function advanceUntilSettled<T>(promise: Promise<T>, limitMs = 20 * MINUTE): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true)).catch(() => undefined);
  for (let elapsed = 0; !done && elapsed < limitMs; elapsed += 1000) await vi.advanceTimersByTimeAsync(1000);
  return promise;
}

function watch(flow: { subscribe(listener: () => void): () => void; getSnapshot(): ChargeState | { state: string; stillConfirming: boolean } }) {
  const seen: { status: string; stillConfirming: boolean; at: number }[] = [];
  const started = Date.now();
  flow.subscribe(() => {
    const { state: status, stillConfirming } = flow.getSnapshot();
    seen.push({ status, stillConfirming, at: Date.now() - started });
  });
  return seen;
}

let attempts: AttemptStore;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
  sessionStorage.clear();
  attempts = createAttemptStore();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('charge 3-D Secure with a late issuer result', () => {
  it('a result 5 minutes late ends in success, says "still confirming" on the way, and finishes once', async () => {
    const issuer = lateIssuer(5 * MINUTE);
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const seen = watch(flow);
    const state = await advanceUntilSettled(flow.start({ token: 'tok_1', order: 'cart-1' }));
    expect(state.state).toBe('succeeded');
    expect(state.stillConfirming).toBe(false);
    expect(issuer.backend.finishCharge).toHaveBeenCalledTimes(1);
    const still = seen.find((entry) => entry.stillConfirming);
    expect(still).toMatchObject({ status: 'finishing' });
    expect(still!.at).toBeGreaterThanOrEqual(STILL_CONFIRMING_AFTER_MS);
    expect(still!.at).toBeLessThan(STILL_CONFIRMING_AFTER_MS + 2000);
    // Backoff: a read every ~12 s at most, not one per half second for 5 minutes.
    const reads = vi.mocked(issuer.backend.getCharge).mock.calls.length;
    expect(reads).toBeGreaterThan(20);
    expect(reads).toBeLessThan(45);
    expect(attempts.load()).toBeNull();
  });

  it('saves the attempt before the challenge opens', async () => {
    const issuer = lateIssuer(0);
    let savedWhenOpened: unknown;
    const open = issuer.challenge.getMockImplementation()!;
    issuer.challenge.mockImplementation(async () => {
      savedWhenOpened = attempts.load();
      await open();
    });
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp, workflow: 'subwindow' });
    const state = await advanceUntilSettled(flow.start({ token: 'tok_1' }));
    expect(state.state).toBe('succeeded');
    expect(savedWhenOpened).toMatchObject({ provider: 'payjp', kind: 'charge', resourceId: 'ch_1', workflow: 'subwindow' });
  });

  it('keeps going through 429, 503 and network errors while confirming', async () => {
    const issuer = lateIssuer(30_000);
    issuer.failures.push(
      new ThreeDSecureError('backend_error', 'over_capacity', { status: 429 }),
      new ThreeDSecureError('backend_error', 'unavailable', { status: 503 }),
      new ThreeDSecureError('network_error', 'offline'),
    );
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    expect((await advanceUntilSettled(flow.start({ token: 'tok_1' }))).state).toBe('succeeded');
    expect(issuer.backend.finishCharge).toHaveBeenCalledTimes(1);
  });

  it('a 429 answer to finish is asked again, and the charge is finished once it goes through', async () => {
    const issuer = lateIssuer(0);
    vi.mocked(issuer.backend.finishCharge).mockRejectedValueOnce(new ThreeDSecureError('backend_error', 'over_capacity', { status: 429 }));
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const state = await advanceUntilSettled(flow.start({ token: 'tok_1' }));
    expect(state.state).toBe('succeeded');
    expect(issuer.backend.finishCharge).toHaveBeenCalledTimes(2);
  });

  it('a result after the timeout ends in a resumable status_unknown with the attempt kept; resume() finishes it', async () => {
    const issuer = lateIssuer(7 * MINUTE);
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const timedOut = await advanceUntilSettled(flow.start({ token: 'tok_1' }));
    expect(timedOut).toMatchObject({ state: 'error', resumable: true, stillConfirming: false });
    expect(timedOut.error?.code).toBe('status_unknown');
    expect(Date.now()).toBeGreaterThanOrEqual(DEFAULT_CONFIRM_TIMEOUT_MS);
    expect(attempts.load()).toMatchObject({ kind: 'charge', resourceId: 'ch_1' });
    expect(issuer.backend.finishCharge).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    const resumed = await advanceUntilSettled(flow.resume()!);
    expect(resumed.state).toBe('succeeded');
    expect(issuer.backend.finishCharge).toHaveBeenCalledTimes(1);
    expect(issuer.challenge).toHaveBeenCalledTimes(1);
    expect(attempts.load()).toBeNull();
    expect(flow.resume()).toBeNull();
  });

  it('stops reading on cancel (or unmount), and keeps the attempt for later', async () => {
    const issuer = lateIssuer(10 * MINUTE);
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const run = flow.start({ token: 'tok_1' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(flow.getSnapshot().stillConfirming).toBe(true);
    flow.cancel();
    const state = await run;
    expect(state).toMatchObject({ state: 'canceled', resumable: true, stillConfirming: false });
    const reads = vi.mocked(issuer.backend.getCharge).mock.calls.length;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(issuer.backend.getCharge).toHaveBeenCalledTimes(reads);
    expect(attempts.load()).toMatchObject({ resourceId: 'ch_1' });
  });

  it('stops on expiry, and forgets the attempt', async () => {
    const issuer = lateIssuer(10 * MINUTE);
    vi.mocked(issuer.backend.getCharge).mockImplementation(async () => (Date.now() > 40_000 ? charge({ outcome: 'expired' }) : charge()));
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const state = await advanceUntilSettled(flow.start({ token: 'tok_1' }));
    expect(state.state).toBe('expired');
    expect(Date.now()).toBeLessThan(2 * MINUTE);
    expect(attempts.load()).toBeNull();
  });

  it('after a reload, a new flow resumes the saved attempt without a second charge or challenge', async () => {
    const issuer = lateIssuer(3 * MINUTE);
    const before = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const unsubscribe = before.subscribe(() => undefined);
    void before.start({ token: 'tok_1' });
    await vi.advanceTimersByTimeAsync(30_000);
    unsubscribe(); // the page goes away: the last listener leaves
    await vi.advanceTimersByTimeAsync(0);

    // The reloaded page: a fresh store over the same sessionStorage.
    const reloaded = createAttemptStore();
    expect(reloaded.load()).toMatchObject({ kind: 'charge', resourceId: 'ch_1', workflow: 'iframe' });
    const after = createChargeFlow({ backend: issuer.backend, attempts: reloaded, getPayjp: async () => issuer.payjp });
    const state = await advanceUntilSettled(after.resume()!);
    expect(state.state).toBe('succeeded');
    expect(issuer.backend.createCharge).toHaveBeenCalledTimes(1);
    expect(issuer.challenge).toHaveBeenCalledTimes(1);
    expect(issuer.backend.finishCharge).toHaveBeenCalledTimes(1);
    expect(reloaded.load()).toBeNull();
  });

  it('a closed screen still ends as canceled quickly, and forgets the attempt', async () => {
    const issuer = lateIssuer(MINUTE);
    issuer.challenge.mockRejectedValue(Object.assign(new Error('closed'), { code: 'canceled' }));
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const state = await advanceUntilSettled(flow.start({ token: 'tok_1' }));
    expect(state.state).toBe('canceled');
    expect(Date.now()).toBeLessThan(5000);
    expect(attempts.load()).toBeNull();
  });
});

describe('saved-card verification with a late issuer result', () => {
  it('a result 5 minutes late ends in success with "still confirming" shown on the way', async () => {
    const issuer = lateIssuer(5 * MINUTE);
    const flow = createCardVerificationFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const seen = watch(flow);
    const state = await advanceUntilSettled(flow.start({ cardId: 'car_1' }));
    expect(state.state).toBe('succeeded');
    expect(seen.some((entry) => entry.status === 'verifying' && entry.stillConfirming)).toBe(true);
    expect(attempts.load()).toBeNull();
  });

  it('honours confirmTimeoutMs, and resumes only the attempt of the same card', async () => {
    const issuer = lateIssuer(3 * MINUTE);
    const flow = createCardVerificationFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp, confirmTimeoutMs: MINUTE });
    const state = await advanceUntilSettled(flow.start({ cardId: 'car_1' }));
    expect(state).toMatchObject({ state: 'error', resumable: true });
    expect(state.error?.code).toBe('status_unknown');
    expect(Date.now()).toBeLessThan(MINUTE + 5000);
    expect(attempts.load()).toMatchObject({ kind: 'card', resourceId: 'tdsr_1', cardId: 'car_1' });

    expect(flow.resume({ cardId: 'car_2' })).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect((await advanceUntilSettled(flow.resume({ cardId: 'car_1' })!)).state).toBe('succeeded');
    expect(issuer.backend.createCardVerification).toHaveBeenCalledTimes(1);
  });
});

describe('token 3-D Secure with a late result', () => {
  it('waits for the result, saving the token attempt meanwhile, and reports "still confirming"', async () => {
    const issuer = lateIssuer(4 * MINUTE);
    const card = { createToken: vi.fn(async () => (await issuer.challenge(), { id: 'tok_1' })) } as unknown as PayjpCard;
    const onStillConfirming = vi.fn();
    const result = advanceUntilSettled(createVerifiedToken({ card, backend: issuer.backend, attempts, workflow: 'iframe', onStillConfirming }, { name: 'T', email: 'a@b.jp' }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(attempts.load()).toMatchObject({ kind: 'token', resourceId: 'tok_1', workflow: 'iframe' });
    expect(onStillConfirming).toHaveBeenCalledTimes(1);
    expect(await result).toMatchObject({ status: 'verified', token: { id: 'tok_1' } });
    expect(attempts.load()).toBeNull();
  });

  it('past the timeout: status_unknown, attempt kept', async () => {
    const issuer = lateIssuer(10 * MINUTE);
    const card = { createToken: vi.fn(async () => (await issuer.challenge(), { id: 'tok_1' })) } as unknown as PayjpCard;
    const result = advanceUntilSettled(createVerifiedToken({ card, backend: issuer.backend, attempts, workflow: 'iframe' }, { name: 'T', email: 'a@b.jp' }));
    await expect(result).rejects.toMatchObject({ code: 'status_unknown' });
    expect(attempts.load()).toMatchObject({ kind: 'token', resourceId: 'tok_1' });
  });
});

describe('the return page confirms a late PAY.JP result', () => {
  it('keeps checking for minutes by default, says so after 10 s, and settles success', async () => {
    const issuer = lateIssuer(4 * MINUTE);
    await issuer.challenge();
    attempts.save({ provider: 'payjp', id: 'att_1', kind: 'token', resourceId: 'tok_1', createdAt: Date.now(), workflow: 'subwindow' });
    const flow = createReturnFlow({ strategy: payjpReturnStrategy(issuer.backend), attempts });
    const seen: boolean[] = [];
    flow.subscribe(() => {
      const state = flow.getSnapshot();
      seen.push(state.status === 'checking' && state.stillConfirming === true);
    });
    const settled = new Promise((resolve) => flow.subscribe(() => flow.getSnapshot().status !== 'checking' && resolve(flow.getSnapshot())));
    await advanceUntilSettled(settled);
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(seen).toContain(true);
    expect(attempts.load()?.outcome).toEqual({ status: 'succeeded' });
  });
});

describe('resuming reads the saved attempt defensively', () => {
  it('ignores a saved attempt with an unknown workflow, a redirect attempt, or a settled one', () => {
    const issuer = lateIssuer(0);
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const base = { provider: 'payjp' as const, id: 'att_1', kind: 'charge' as const, resourceId: 'ch_1', createdAt: 0 };
    sessionStorage.setItem('react-3ds-kit:attempt', JSON.stringify({ ...base, workflow: 'javascript:alert(1)' }));
    expect(flow.resume()).toBeNull();
    attempts.save(base);
    expect(flow.resume()).toBeNull();
    attempts.save({ ...base, workflow: 'iframe', outcome: { status: 'succeeded' } });
    expect(flow.resume()).toBeNull();
    expect(issuer.backend.getCharge).not.toHaveBeenCalled();
  });

  it('a saved card request that was never shown (still created) goes back to idle instead of waiting', async () => {
    const issuer = lateIssuer(0);
    vi.mocked(issuer.backend.getCardVerification).mockResolvedValue(verification({ state: 'created', startedAt: null }));
    attempts.save({ provider: 'payjp', id: 'att_1', kind: 'card', resourceId: 'tdsr_1', cardId: 'car_1', createdAt: 0, workflow: 'iframe' });
    const flow = createCardVerificationFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const state = await advanceUntilSettled(flow.resume({ cardId: 'car_1' })!);
    expect(state).toMatchObject({ state: 'idle', cardId: 'car_1', resumable: false });
    expect(Date.now()).toBeLessThan(2000);
    expect(attempts.load()).toBeNull();
  });

  it('never displaces an unsettled Kuroco or redirect attempt: that one is kept, and the in-page flow is then not resumable', async () => {
    const earlier = { provider: 'kuroco' as const, id: 'earlier', orderIds: [987_654], createdAt: 1 };
    attempts.save(earlier);
    const issuer = lateIssuer(7 * MINUTE);
    const flow = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => issuer.payjp });
    const state = await advanceUntilSettled(flow.start({ token: 'tok_1' }));
    expect(state).toMatchObject({ state: 'error', resumable: false });
    expect(attempts.load()).toEqual(earlier);

    // A settled attempt, or an earlier in-page one of the same kind, is replaced.
    attempts.save({ ...earlier, outcome: { status: 'succeeded' } });
    let savedDuring: unknown;
    const payjp = lateIssuer(0).payjp;
    vi.mocked(payjp.openThreeDSecureIframe).mockImplementation(async () => void (savedDuring = attempts.load()));
    const next = createChargeFlow({ backend: issuer.backend, attempts, getPayjp: async () => payjp });
    await advanceUntilSettled(next.start({ token: 'tok_2' }));
    expect(savedDuring).toMatchObject({ provider: 'payjp', kind: 'charge', workflow: 'iframe' });
  });
});
