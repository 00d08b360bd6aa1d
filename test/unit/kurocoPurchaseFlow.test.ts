import { describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { createThreeDSecureClient } from '../../src/core/client/createThreeDSecureClient';
import { ThreeDSecureError } from '../../src/core/errors';
import { createKurocoPurchaseFlow } from '../../src/core/kuroco/createKurocoPurchaseFlow';
import type { KurocoBackend, KurocoPurchaseResult } from '../../src/core/kuroco/types';

const HAND_OFF: KurocoPurchaseResult = { orderIds: [7, 8], messages: [], acsHtml: '<form action="https://acs.example/"></form>' };
const PLAIN: KurocoPurchaseResult = { orderIds: [9], messages: ['注文が完了しました。'], acsHtml: null };

function clientWith(purchase: KurocoBackend['purchase']) {
  const backend: KurocoBackend = { provider: 'kuroco', returnPath: '/return', purchase: vi.fn(purchase), getPaymentStatus: vi.fn(async () => 'paid' as const) };
  return createThreeDSecureClient({ backend, attempts: createAttemptStore(null) });
}

describe('createKurocoPurchaseFlow', () => {
  it('goes idle → placing → succeeded for an order without 3-D Secure, firing the callbacks and events once', async () => {
    const client = clientWith(async () => PLAIN);
    const onSucceeded = vi.fn();
    const onPurchased = vi.fn();
    const onEvent = vi.fn();
    const flow = createKurocoPurchaseFlow({ client, onSucceeded, onPurchased, onEvent });
    const steps: (string | null)[] = [];
    flow.subscribe(() => steps.push(flow.getSnapshot().step ?? flow.getSnapshot().status));
    expect(flow.getSnapshot()).toMatchObject({ status: 'idle', isBusy: false });
    const running = flow.start({ ec_payment_id: 1 });
    expect(flow.getSnapshot()).toMatchObject({ status: 'working', step: 'placing', isBusy: true });
    const final = await running;
    expect(final).toMatchObject({ status: 'succeeded', result: PLAIN, error: null, isBusy: false });
    expect(steps).toEqual(['placing', 'succeeded']);
    expect(onSucceeded).toHaveBeenCalledTimes(1);
    expect(onPurchased).toHaveBeenCalledWith(PLAIN);
    expect(onEvent.mock.calls.map(([event]) => event.type)).toEqual(['started', 'succeeded']);
    expect(onEvent.mock.calls[1]![0]).toMatchObject({ flow: 'kuroco_purchase', orderIds: [9] });
  });

  it('keeps a hand-off: handing_off with its key, nothing sent again, submitted once posted', async () => {
    const client = clientWith(async () => HAND_OFF);
    const onEvent = vi.fn();
    const flow = createKurocoPurchaseFlow({ client, onEvent });
    const first = await flow.start({ ec_payment_id: 1 });
    expect(first).toMatchObject({ status: 'working', step: 'handing_off', handOffKey: 'kuroco:7,8', result: HAND_OFF });
    expect(client.attempts.load()).toMatchObject({ provider: 'kuroco', orderIds: [7, 8] });
    await expect(flow.purchase({ ec_payment_id: 1 })).resolves.toBe(HAND_OFF);
    expect(client.backend.purchase).toHaveBeenCalledTimes(1);
    flow.markSubmitted();
    flow.markSubmitted();
    expect(flow.getSnapshot().step).toBe('submitted');
    expect(onEvent.mock.calls.map(([event]) => event.type)).toEqual(['started', 'challenge_shown']);
  });

  it('shares one purchase between the flows of one client, and none between two clients', async () => {
    let answer: (result: KurocoPurchaseResult) => void = () => undefined;
    const client = clientWith(() => new Promise((resolve) => (answer = resolve)));
    const a = createKurocoPurchaseFlow({ client });
    const b = createKurocoPurchaseFlow({ client });
    const p = a.start({ ec_payment_id: 1 });
    expect(b.start({ ec_payment_id: 1 })).toBe(p);
    expect(b.getSnapshot().step).toBe('placing');
    const other = clientWith(async () => PLAIN);
    const c = createKurocoPurchaseFlow({ client: other });
    expect(c.getSnapshot().status).toBe('idle');
    await c.start({ ec_payment_id: 1 });
    answer(HAND_OFF);
    await p;
    expect(client.backend.purchase).toHaveBeenCalledTimes(1);
    expect(other.backend.purchase).toHaveBeenCalledTimes(1);
    expect(b.getSnapshot().step).toBe('handing_off');
    expect(c.getSnapshot().status).toBe('succeeded');
  });

  it('fails with a typed error that can be retried, and a failing order builder sends nothing', async () => {
    const client = clientWith(async () => Promise.reject(new ThreeDSecureError('network_error', 'offline')));
    const onFailed = vi.fn();
    const flow = createKurocoPurchaseFlow({ client, onFailed });
    const failed = await flow.start({ ec_payment_id: 1 });
    expect(failed).toMatchObject({ status: 'failed', canRetry: true, error: { code: 'network_error' } });
    expect(onFailed).toHaveBeenCalledWith(expect.objectContaining({ code: 'network_error' }), failed);
    await expect(flow.purchase(() => Promise.reject(new Error('card number')))).rejects.toMatchObject({ code: 'invalid_request' });
    expect(client.backend.purchase).toHaveBeenCalledTimes(1);
  });

  it('reset forgets the purchase: a late answer does not come back, and the next start sends a new order', async () => {
    let answer: (result: KurocoPurchaseResult) => void = () => undefined;
    const client = clientWith(() => new Promise((resolve) => (answer = resolve)));
    const onPurchased = vi.fn();
    const flow = createKurocoPurchaseFlow({ client, onPurchased });
    const late = flow.start({ ec_payment_id: 1 });
    flow.reset();
    answer(HAND_OFF);
    await late;
    expect(flow.getSnapshot().status).toBe('idle');
    expect(onPurchased).not.toHaveBeenCalled();
    void flow.start({ ec_payment_id: 1 });
    expect(client.backend.purchase).toHaveBeenCalledTimes(2);
  });

  it('uses the options given last (setOptions) for the callbacks', async () => {
    const client = clientWith(async () => PLAIN);
    const first = vi.fn();
    const second = vi.fn();
    const flow = createKurocoPurchaseFlow({ client, onSucceeded: first });
    flow.setOptions({ client, onSucceeded: second });
    await flow.start({ ec_payment_id: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
