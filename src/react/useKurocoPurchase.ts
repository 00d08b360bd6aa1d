'use client';
import { useMutation, useMutationState, type MutationState, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toThreeDSecureError, type ThreeDSecureError } from '../core/errors';
import { purchaseWithThreeDSecure } from '../core/kuroco/purchaseWithThreeDSecure';
import type { KurocoOrderInput, KurocoPurchaseResult } from '../core/kuroco/types';
import { useProviderState } from './ThreeDSecureProvider';

export interface UseKurocoPurchaseResult {
  /** Places the order; errors land in `error`. Calls while one is under way, or after a 3-D Secure hand-off, send nothing. */
  purchase(order: KurocoOrderInput): void;
  /** As `purchase`, returning the result or rejecting with a ThreeDSecureError. */
  purchaseAsync(order: KurocoOrderInput): Promise<KurocoPurchaseResult>;
  status: 'idle' | 'pending' | 'success' | 'error';
  isPending: boolean;
  /** The purchase answer: render `<AcsFormAutoSubmit html={data.acsHtml}>` when `acsHtml` is set. */
  data: KurocoPurchaseResult | undefined;
  error: ThreeDSecureError | null;
  /** Back to idle: the next `purchase` sends a new order. */
  reset(): void;
}

/**
 * Places a Kuroco order with 3-D Secure. One request per purchase however often it is called; the
 * order ids are saved for the return page before the answer is handed back.
 */
const PURCHASE_KEY = ['react-3ds-kit:kuroco-purchase'];

// One per QueryClient (one per provider): the purchase under way, and after a 3-D Secure hand-off its
// answer, outlive the component that started it, so a remount neither orders twice nor drops the hand-off.
const inFlight = new WeakMap<QueryClient, Promise<KurocoPurchaseResult>>();

export function useKurocoPurchase(): UseKurocoPurchaseResult {
  const { backend, attempts, queryClient } = useProviderState('useKurocoPurchase()', 'kuroco');
  const { mutateAsync } = useMutation<KurocoPurchaseResult, ThreeDSecureError, KurocoOrderInput>(
    {
      mutationKey: PURCHASE_KEY,
      mutationFn: async (order) => {
        try {
          return await purchaseWithThreeDSecure(backend, order, attempts);
        } catch (error) {
          throw toThreeDSecureError(error);
        }
      },
    },
    queryClient,
  );
  // Read from the cache rather than this component's observer: a remounted component sees the purchase it did not start.
  const states = useMutationState(
    { filters: { mutationKey: PURCHASE_KEY }, select: (mutation) => mutation.state as MutationState<KurocoPurchaseResult, ThreeDSecureError, KurocoOrderInput> },
    queryClient,
  );
  const latest = states[states.length - 1];

  const purchaseAsync = useCallback(
    (order: KurocoOrderInput) => {
      const pending = inFlight.get(queryClient);
      if (pending) return pending;
      const request = mutateAsync(order).then(
        (result) => {
          // After a hand-off the page is leaving for the issuer: keep the answer so nothing is sent twice.
          if (result.acsHtml === null) inFlight.delete(queryClient);
          return result;
        },
        (error: unknown) => {
          inFlight.delete(queryClient);
          throw error;
        },
      );
      inFlight.set(queryClient, request);
      return request;
    },
    [mutateAsync, queryClient],
  );

  const purchase = useCallback(
    (order: KurocoOrderInput) => {
      // The error is already in `error`; swallowing the rejection keeps it from being unhandled.
      purchaseAsync(order).catch(() => undefined);
    },
    [purchaseAsync],
  );

  const reset = useCallback(() => {
    inFlight.delete(queryClient);
    const cache = queryClient.getMutationCache();
    for (const mutation of cache.findAll({ mutationKey: PURCHASE_KEY })) cache.remove(mutation);
  }, [queryClient]);

  const status = latest?.status ?? 'idle';
  return {
    purchase,
    purchaseAsync,
    status,
    isPending: status === 'pending',
    data: latest?.data,
    error: latest?.error ?? null,
    reset,
  };
}
