'use client';
import { useCallback, useEffect } from 'react';
import { createChargeFlow, type ChargeState, type StartChargeOptions } from '../core/payjp/createChargeFlow';
import { usePayjpFlowOptions, type PayjpHookOptions } from './internal/usePayjpFlowOptions';
import { useFlow } from './useFlow';

/**
 * Per-hook settings: `workflow`, `popupFallback`, `dialogOptions`, `returnUrl`, `confirmTimeoutMs`,
 * `pollDelaysMs`, `navigate`, the outcome callbacks, `onEvent`, and `resumeOnMount`.
 */
export type UsePayjpChargeOptions = PayjpHookOptions<ChargeState> & {
  /**
   * On mount, resume confirming an unsettled iframe / sub-window charge this tab saved (a reload
   * or a later visit) instead of leaving it unfinished. @default true
   */
  resumeOnMount?: boolean;
};

/** The charge's snapshot (`status`, `step`, `result`, `error`, `isBusy`, `canRetry`, …) and its actions. */
export interface UsePayjpChargeResult extends ChargeState {
  /** Creates the charge on the server (which prices `order`), runs 3-D Secure, finishes it. One charge per start. */
  start(options: StartChargeOptions): Promise<ChargeState>;
  /** Confirms the saved iframe / sub-window charge without a new challenge; resolves null when there is none. */
  resume(): Promise<ChargeState | null>;
  cancel(): void;
  reset(): void;
}

/** Charge-time 3-D Secure with PAY.JP (支払い作成時の3Dセキュア). */
export function usePayjpCharge({ resumeOnMount = true, ...options }: UsePayjpChargeOptions = {}): UsePayjpChargeResult {
  const [flow, snapshot] = useFlow(createChargeFlow, usePayjpFlowOptions('usePayjpCharge()', options));
  const resume = useCallback(() => flow.resume() ?? Promise.resolve(null), [flow]);
  useEffect(() => {
    if (resumeOnMount) void flow.resume();
  }, [flow, resumeOnMount]);
  return { ...snapshot, start: flow.start, resume, cancel: flow.cancel, reset: flow.reset };
}
