import { describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import type { ThreeDSecureEvent } from '../../src/core/events';
import { createPayjpFlow } from '../../src/core/payjp/engine/createPayjpFlow';
import { cardVerificationResource } from '../../src/core/payjp/engine/cardVerificationResource';
import { chargeResource } from '../../src/core/payjp/engine/chargeResource';
import { tokenResource } from '../../src/core/payjp/engine/tokenResource';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { PayjpFlow, PayjpFlowSnapshot } from '../../src/core/payjp/engine/types';
import { charge, mockPayjpBackend, mockPayjpCard, mockPayjs, token, verification } from '../support/mockPayjp';

// The three resources over the one engine: the same table of outcomes, read through the one vocabulary.
const RESOURCES = [
  {
    name: 'card (tdsr_)',
    flow: () => cardVerificationResource,
    input: { cardId: 'car_1' },
    final: (outcome: 'succeeded' | 'failed' | 'expired', extra = {}) => ({ getCardVerification: vi.fn(async () => verification({ state: 'finished', outcome, threeDSecureStatus: outcome === 'succeeded' ? 'verified' : 'failed', ...extra })) }),
    pending: () => ({ getCardVerification: vi.fn(async () => verification({ state: 'in_progress' })) }),
  },
  {
    name: 'charge (ch_)',
    flow: () => chargeResource,
    input: { token: 'tok_1', order: { cart: 'c-1' } },
    final: (outcome: 'succeeded' | 'failed' | 'expired', extra = {}) => ({ getCharge: vi.fn(async () => charge({ outcome, threeDSecureStatus: outcome === 'succeeded' ? 'verified' : 'failed', ...extra })) }),
    pending: () => ({ getCharge: vi.fn(async () => charge()) }),
  },
  {
    name: 'token (tok_)',
    flow: () => tokenResource(mockPayjpCard()),
    input: { cardholder: { name: 'TARO', email: 'taro@example.com' } },
    final: (outcome: 'succeeded' | 'failed' | 'expired', extra = {}) => ({ finishToken: vi.fn(async () => token({ outcome, threeDSecureStatus: outcome === 'succeeded' ? 'verified' : 'failed', ...extra })) }),
    pending: () => ({ finishToken: vi.fn(async () => token()) }),
  },
] as const;

function setup(resource: (typeof RESOURCES)[number], backend: Partial<PayjpBackend>, extra = {}) {
  const onSucceeded = vi.fn();
  const onFailed = vi.fn();
  const events: ThreeDSecureEvent[] = [];
  const options = { backend: mockPayjpBackend(backend), attempts: createAttemptStore(null), getPayjp: async () => mockPayjs(), pollDelaysMs: [0, 1, 1], onSucceeded, onFailed, onEvent: (event: ThreeDSecureEvent) => events.push(event), ...extra };
  // The resources differ in input type only; the engine is the same.
  const flow = createPayjpFlow(resource.flow() as never, options as never) as unknown as PayjpFlow<unknown, PayjpFlowSnapshot<unknown>>;
  return { flow, onSucceeded, onFailed, events, options };
}

describe.each(RESOURCES)('the PAY.JP engine over $name', (resource) => {
  it.each([
    ['succeeded', 'succeeded', null, 'succeeded'],
    ['failed', 'failed', 'three_d_secure_failed', 'failed'],
    ['expired', 'failed', 'expired', 'expired'],
  ] as const)('a %s verdict ends %s (%s), fires one callback and one outcome event', async (outcome, status, code, legacy) => {
    const { flow, onSucceeded, onFailed, events } = setup(resource, resource.final(outcome));
    const state = await flow.start(resource.input as never);
    expect(state).toMatchObject({ status, step: null, isBusy: false, state: legacy });
    expect(state.error?.code ?? null).toBe(code);
    expect(onSucceeded).toHaveBeenCalledTimes(status === 'succeeded' ? 1 : 0);
    expect(onFailed).toHaveBeenCalledTimes(status === 'failed' ? 1 : 0);
    const outcomes = events.filter((event) => event.type === 'succeeded' || event.type === 'failed');
    expect(outcomes).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'started' });
    expect(events.some((event) => event.type === 'poll')).toBe(true);
    // Ids, codes and timings only: no cardholder data in any event.
    expect(JSON.stringify(events)).not.toMatch(/TARO|taro@|c-1/);
  });

  it('an attempted result the server refuses is attempted_not_accepted, a failure that can be retried', async () => {
    const { flow } = setup(resource, resource.final('failed', { attemptedRefused: true }));
    const state = await flow.start(resource.input as never);
    expect(state).toMatchObject({ status: 'failed', canRetry: true });
    expect(state.error?.code).toBe('attempted_not_accepted');
  });

  it('no result within the reads is a resumable status_unknown', async () => {
    const { flow } = setup(resource, resource.pending());
    const state = await flow.start(resource.input as never);
    expect(state).toMatchObject({ status: 'failed', state: 'error', resumable: true, canRetry: true });
    expect(state.error?.code).toBe('status_unknown');
  });

  it('options replaced after creation take effect: the callback and navigate of the latest options are used', async () => {
    const { flow, onSucceeded, options } = setup(resource, resource.final('succeeded'), { workflow: 'redirect' });
    const navigate = vi.fn();
    const latest = vi.fn();
    flow.setOptions({ ...options, navigate, onSucceeded: latest } as never);
    const state = await flow.start(resource.input as never);
    expect(state).toMatchObject({ status: 'working', step: 'redirecting', workflow: 'redirect' });
    expect(navigate).toHaveBeenCalledTimes(1);
    // The next run on the iframe workflow, with the replaced callback.
    flow.setOptions({ ...options, workflow: 'iframe', onSucceeded: latest } as never);
    flow.reset();
    expect((await flow.start(resource.input as never)).status).toBe('succeeded');
    expect(latest).toHaveBeenCalledTimes(1);
    expect(onSucceeded).not.toHaveBeenCalled();
  });
});

describe('the PAY.JP engine while running', () => {
  it('warns in development when the workflow changes mid-run, and applies it to the next run', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let release!: () => void;
    const { flow, options } = setup(RESOURCES[0], { ...RESOURCES[0].final('succeeded'), createCardVerification: vi.fn(() => new Promise((resolve) => (release = () => resolve(verification()))) as never) });
    const running = flow.start({ cardId: 'car_1' } as never);
    flow.setOptions({ ...options, workflow: 'subwindow' } as never);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/workflow changed while a card_verification flow runs.*next start\(\).*cancel\(\)/));
    release();
    expect((await running).workflow).toBe('iframe');
    warn.mockRestore();
  });

  it('a charge started from a card form tokenises first, and a tokenising failure is the run\'s invalid_card error', async () => {
    const { flow, onFailed } = setup(RESOURCES[1], RESOURCES[1].final('succeeded'));
    const steps: unknown[] = [];
    flow.subscribe(() => steps.push(flow.getSnapshot().step));
    const state = await flow.start({ token: async () => Promise.reject(new Error('incomplete card')) } as never);
    expect(steps[0]).toBe('tokenizing');
    expect(state).toMatchObject({ status: 'failed' });
    expect(state.error?.code).toBe('invalid_card');
    expect(onFailed).toHaveBeenCalledTimes(1);
    const ok = await flow.start({ token: async () => 'tok_2', order: 'c-2' } as never);
    expect(ok.status).toBe('succeeded');
  });
});
