'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
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
export function useKurocoPurchase(): UseKurocoPurchaseResult {
  const { backend, attempts, queryClient } = useProviderState('useKurocoPurchase()', 'kuroco');
  // The lock lives outside react-query's state because two clicks in one tick both see `isPending === false`.
  const inFlight = useRef<Promise<KurocoPurchaseResult> | null>(null);
  const mutation = useMutation<KurocoPurchaseResult, ThreeDSecureError, KurocoOrderInput>(
    {
      mutationKey: ['react-3ds-kit', 'kuroco', 'purchase'],
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
  const { mutateAsync, reset: resetMutation } = mutation;

  const purchaseAsync = useCallback(
    (order: KurocoOrderInput) => {
      if (inFlight.current) return inFlight.current;
      const request = mutateAsync(order).then(
        (result) => {
          // After a hand-off the page is leaving for the issuer: keep the lock so nothing is sent twice.
          if (result.acsHtml === null) inFlight.current = null;
          return result;
        },
        (error: unknown) => {
          inFlight.current = null;
          throw error;
        },
      );
      inFlight.current = request;
      return request;
    },
    [mutateAsync],
  );

  const purchase = useCallback(
    (order: KurocoOrderInput) => {
      // The error is already in `error`; swallowing the rejection keeps it from being unhandled.
      purchaseAsync(order).catch(() => undefined);
    },
    [purchaseAsync],
  );

  const reset = useCallback(() => {
    inFlight.current = null;
    resetMutation();
  }, [resetMutation]);

  return {
    purchase,
    purchaseAsync,
    status: mutation.status,
    isPending: mutation.isPending,
    data: mutation.data,
    error: mutation.error,
    reset,
  };
}
