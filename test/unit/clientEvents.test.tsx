import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { createThreeDSecureClient, type ThreeDSecureBackend } from '../../src/core/client/createThreeDSecureClient';
import type { ThreeDSecureEvent } from '../../src/core/events';
import { createKurocoPurchaseFlow } from '../../src/core/kuroco/createKurocoPurchaseFlow';
import type { KurocoBackend } from '../../src/core/kuroco/types';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { usePayjpCharge } from '../../src/react/usePayjpCharge';
import { charge, mockPayjpBackend } from '../support/mockPayjp';

// The client's `onEvent`: one listener for every flow run with that client.

const kinds = (listener: { mock: { calls: unknown[][] } }) => listener.mock.calls.map(([event]) => `${(event as ThreeDSecureEvent).flow}:${(event as ThreeDSecureEvent).type}`);

function kurocoBackend(): KurocoBackend {
  return {
    provider: 'kuroco',
    returnPath: '/return',
    purchase: vi.fn(async () => ({ orderIds: [9], messages: [], acsHtml: null })),
    getPaymentStatus: vi.fn(async () => 'paid' as const),
  };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('createThreeDSecureClient({ onEvent })', () => {
  it('hears the Kuroco purchase, next to the flow’s own listener', async () => {
    const onEvent = vi.fn();
    const own = vi.fn();
    const client = createThreeDSecureClient({ backend: kurocoBackend(), attempts: createAttemptStore(null), onEvent });
    await createKurocoPurchaseFlow({ client, onEvent: own }).start({ ec_payment_id: 1 });
    expect(kinds(onEvent)).toEqual(['kuroco_purchase:started', 'kuroco_purchase:succeeded']);
    expect(kinds(own)).toEqual(kinds(onEvent));
    expect(onEvent.mock.calls[1]![0]).toMatchObject({ orderIds: [9] });
  });

  it('hears every PAY.JP flow under its provider, with the provider’s and the hook’s listeners; one that throws does not silence the others', async () => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'charge', resourceId: 'ch_1', createdAt: 0, workflow: 'iframe' });
    const backend = mockPayjpBackend({ getCharge: vi.fn(async () => charge({ outcome: 'succeeded', paid: true, threeDSecureStatus: 'verified' })) });
    const reported: unknown[] = [];
    // A listener's failure is rethrown asynchronously: collect it here instead of failing the run.
    const queue = globalThis.queueMicrotask.bind(globalThis);
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
      queue(() => {
        try {
          task();
        } catch (error) {
          reported.push(error);
        }
      }),
    );
    const clientListener = vi.fn((_event: ThreeDSecureEvent) => {
      throw new Error('analytics down');
    });
    const providerListener = vi.fn();
    const hookListener = vi.fn();
    const client = createThreeDSecureClient<ThreeDSecureBackend>({ backend, onEvent: clientListener });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ThreeDSecureProvider client={client} workflow="redirect" onEvent={providerListener}>
        {children}
      </ThreeDSecureProvider>
    );
    const { result } = renderHook(() => usePayjpCharge({ onEvent: hookListener }), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('succeeded'));
    await act(async () => undefined);
    expect(kinds(clientListener)).toEqual(['charge:started', 'charge:poll', 'charge:succeeded']);
    expect(kinds(providerListener)).toEqual(kinds(clientListener));
    expect(kinds(hookListener)).toEqual(kinds(clientListener));
    expect(clientListener.mock.calls[2]![0]).toMatchObject({ resourceId: 'ch_1' });
    expect(reported).toHaveLength(3);
  });

  it('defaults to no listener', () => {
    expect(createThreeDSecureClient({ backend: kurocoBackend() }).onEvent).toBeNull();
  });
});
