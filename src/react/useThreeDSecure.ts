'use client';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { ThreeDSecureError } from '../core/errors';
import {
  createCardVerificationFlow,
  type CardVerificationFlowOptions,
  type CardVerificationState,
  type CardVerificationStatus,
  type StartCardVerificationOptions,
} from '../core/payjp/createCardVerificationFlow';
import type { ThreeDSecureWorkflow } from '../core/payjp/payjs';
import type { CardVerification } from '../core/payjp/protocol';
import { usePayjpState } from './ThreeDSecureProvider';

/**
 * Per-hook settings (the provider gives the default workflow and confirm timeout): `workflow`,
 * `popupFallback`, `dialogOptions`, `returnUrl` (redirect), `confirmTimeoutMs`, `pollDelaysMs`,
 * `navigate` (redirect).
 */
export type UseThreeDSecureOptions = Partial<
  Pick<CardVerificationFlowOptions, 'workflow' | 'popupFallback' | 'dialogOptions' | 'returnUrl' | 'confirmTimeoutMs' | 'pollDelaysMs' | 'navigate'>
>;

export interface UseThreeDSecureResult {
  /** Starts 3-D Secure on a saved card; while one runs, further calls return the same promise. */
  start(options: StartCardVerificationOptions): Promise<CardVerificationState>;
  state: CardVerificationStatus;
  /** The server's view of the request (`threeDSecureStatus`, `outcome`, times), once created. */
  result: CardVerification | null;
  error: ThreeDSecureError | null;
  /** The workflow in use (after a popup fallback, the one that replaced it). */
  workflow: ThreeDSecureWorkflow | null;
  /** `verifying` has lasted over 10 s: show that the issuer's result is late and the shopper may leave. */
  stillConfirming: boolean;
  /** An unsettled attempt of this card is saved: `resume({ cardId })` confirms it without a new challenge. */
  resumable: boolean;
  /**
   * Confirms the saved iframe / sub-window attempt of `cardId` (after a reload, a later visit or a
   * `status_unknown`). Resolves null when there is none.
   */
  resume(filter: { cardId: string }): Promise<CardVerificationState | null>;
  cancel(): void;
  reset(): void;
}

/**
 * PAY.JP customer-card 3-D Secure (顧客カードに対する3Dセキュア). A failure never disables the card;
 * what to do with the result is the app's decision. Unmounting closes any open challenge.
 */
export function useThreeDSecure(options: UseThreeDSecureOptions = {}): UseThreeDSecureResult {
  const context = usePayjpState('useThreeDSecure()');
  const [flow] = useState(() => {
    const workflow = options.workflow ?? context.workflow;
    const { getPayjp } = context;
    return createCardVerificationFlow({
      backend: context.backend,
      attempts: context.attempts,
      ...(context.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: context.confirmTimeoutMs }),
      ...options,
      workflow,
      getPayjp:
        getPayjp ??
        (() => Promise.reject(new ThreeDSecureError('misconfigured', `The ${workflow} workflow needs publicKey on <ThreeDSecureProvider>.`))),
    });
  });
  const state = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  const resume = useCallback((filter: { cardId: string }) => flow.resume(filter) ?? Promise.resolve(null), [flow]);
  return {
    start: flow.start,
    resume,
    stillConfirming: state.stillConfirming,
    resumable: state.resumable,
    cancel: flow.cancel,
    reset: flow.reset,
    state: state.status,
    result: state.verification,
    error: state.error,
    workflow: state.workflow,
  };
}
