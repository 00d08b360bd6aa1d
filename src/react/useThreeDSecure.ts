'use client';
import { useCallback } from 'react';
import { createCardVerificationFlow, type CardVerificationState, type StartCardVerificationOptions } from '../core/payjp/createCardVerificationFlow';
import { usePayjpFlowOptions, type PayjpHookOptions } from './internal/usePayjpFlowOptions';
import { useFlow } from './useFlow';

/**
 * Per-hook settings (the provider gives the default workflow and confirm timeout): `workflow`,
 * `popupFallback`, `dialogOptions`, `returnUrl` and `navigate` (redirect), `confirmTimeoutMs`,
 * `pollDelaysMs`, the outcome callbacks and `onEvent`. Changes after mount take effect; `workflow`
 * mid-run applies to the next start.
 */
export type UseThreeDSecureOptions = PayjpHookOptions<CardVerificationState>;

/** The verification's snapshot (`status`, `step`, `result`, `error`, `isBusy`, `canRetry`, …) and its actions. */
export interface UseThreeDSecureResult extends CardVerificationState {
  /** Starts 3-D Secure on a saved card; while one runs, further calls return the same promise. */
  start(options: StartCardVerificationOptions): Promise<CardVerificationState>;
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
  const [flow, snapshot] = useFlow(createCardVerificationFlow, usePayjpFlowOptions('useThreeDSecure()', options));
  const resume = useCallback((filter: { cardId: string }) => flow.resume(filter) ?? Promise.resolve(null), [flow]);
  return { ...snapshot, start: flow.start, resume, cancel: flow.cancel, reset: flow.reset };
}
