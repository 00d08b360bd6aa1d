'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SavedAttempt } from '../core/attempt/attemptStore';
import { joinListeners } from '../core/events';
import { createReturnFlow, type ReturnFlowOptions, type ReturnStrategy, type ThreeDSecureReturnState } from '../core/return/createReturnFlow';
import { kurocoReturnStrategy } from '../core/return/kurocoReturnStrategy';
import { payjpReturnStrategy } from '../core/return/payjpReturnStrategy';
import { useThreeDSecureContext } from './ThreeDSecureProvider';

export interface UseThreeDSecureReturnOptions {
  /**
   * Waits before each status read. Alone, the whole fixed schedule.
   * @default PAY.JP: backoff for `confirmTimeoutMs`; Kuroco: [0, 1000, 2000, 3000, 5000]
   */
  pollDelaysMs?: readonly number[];
  /**
   * How long to keep checking, with backoff (after 10 s the state says `stillConfirming`).
   * @default the provider's `confirmTimeoutMs`; else 5 minutes for PAY.JP, the fixed schedule for Kuroco
   */
  confirmTimeoutMs?: number;
  /** The return page URL to read `dsec_error` from. @default location.href */
  url?: string;
  /** Fired by the flow once per outcome, with the latest options. */
  onSucceeded?: ReturnFlowOptions['onSucceeded'];
  onFailed?: ReturnFlowOptions['onFailed'];
  /** Monitoring: the return page's steps (flow `return`). */
  onEvent?: ReturnFlowOptions['onEvent'];
}

export type UseThreeDSecureReturnResult = ThreeDSecureReturnState & {
  /** Reads the status again; only does something after a failure that is not final. */
  retry(): void;
  /** Forgets the saved attempt. */
  clear(): void;
};

const SERVER_STATE: ThreeDSecureReturnState = { status: 'checking', orderIds: [] };

/**
 * On the page the shopper comes back to after 3-D Secure: confirms the saved attempt once, survives
 * reloads, and keeps the order ids in every outcome. Kuroco: the order status decides; `dsec_error=1`
 * only claims a failure, checked with one read (a paid order is a success, and the failure is saved
 * only when Kuroco's order is failed too). A tampered saved attempt counts as none. PAY.JP redirect: the backend's verdict on the saved request decides.
 */
export function useThreeDSecureReturn(options: UseThreeDSecureReturnOptions = {}): UseThreeDSecureReturnResult {
  const { client, backend, attempts, confirmTimeoutMs, onEvent } = useThreeDSecureContext('useThreeDSecureReturn()');
  const timeout = options.confirmTimeoutMs ?? (backend.provider === 'payjp' ? confirmTimeoutMs : undefined);
  // The strategy is made once with the flow; a later backend is reported (in development) by setOptions.
  const [strategy] = useState(() => (backend.provider === 'payjp' ? payjpReturnStrategy(backend) : kurocoReturnStrategy(backend)) as ReturnStrategy<SavedAttempt>);
  const events = joinListeners(client.onEvent, onEvent, options.onEvent);
  const flowOptions: ReturnFlowOptions<SavedAttempt> = {
    ...options,
    strategy,
    attempts,
    ...(timeout === undefined ? {} : { confirmTimeoutMs: timeout }),
    ...(events ? { onEvent: events } : {}),
  };
  // The one hook shape (useFlow's): made once, options follow every render, read with useSyncExternalStore.
  const [flow] = useState(() => createReturnFlow<SavedAttempt>(flowOptions));
  useEffect(() => {
    flow.setOptions(flowOptions);
  });
  const state = useSyncExternalStore(flow.subscribe, flow.getSnapshot, () => SERVER_STATE);
  return { ...state, retry: flow.retry, clear: flow.clear };
}
