'use client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ThreeDSecureError } from '../core/errors';
import { createChargeFlow, type ChargeFlowOptions, type ChargeState, type ChargeStatus, type StartChargeOptions } from '../core/payjp/createChargeFlow';
import type { ThreeDSecureWorkflow } from '../core/payjp/payjs';
import type { ChargeSummary } from '../core/payjp/protocol';
import { usePayjpContext } from './ThreeDSecureProvider';

/**
 * Per-hook settings: `workflow`, `popupFallback`, `dialogOptions`, `returnUrl`, `confirmTimeoutMs`,
 * `pollDelaysMs`, `navigate`, and `resumeOnMount`.
 */
export type UsePayjpChargeOptions = Partial<
  Pick<ChargeFlowOptions, 'workflow' | 'popupFallback' | 'dialogOptions' | 'returnUrl' | 'confirmTimeoutMs' | 'pollDelaysMs' | 'navigate'>
> & {
  /**
   * On mount, resume confirming an unsettled iframe / sub-window charge this tab saved (a reload
   * or a later visit) instead of leaving it unfinished. @default true
   */
  resumeOnMount?: boolean;
};

export interface UsePayjpChargeResult {
  /** Creates the charge on the server (which prices `order`), runs 3-D Secure, finishes it. One charge per start. */
  start(options: StartChargeOptions): Promise<ChargeState>;
  state: ChargeStatus;
  charge: ChargeSummary | null;
  error: ThreeDSecureError | null;
  workflow: ThreeDSecureWorkflow | null;
  /** `finishing` has lasted over 10 s: show that the issuer's result is late and the shopper may leave. */
  stillConfirming: boolean;
  /** An unsettled charge attempt is saved in this tab: `resume()` confirms (and finishes) it. */
  resumable: boolean;
  /** Confirms the saved iframe / sub-window charge without a new challenge; resolves null when there is none. */
  resume(): Promise<ChargeState | null>;
  cancel(): void;
  reset(): void;
}

/** Charge-time 3-D Secure with PAY.JP (支払い作成時の3Dセキュア). */
export function usePayjpCharge({ resumeOnMount = true, ...options }: UsePayjpChargeOptions = {}): UsePayjpChargeResult {
  const context = usePayjpContext('usePayjpCharge()');
  const [flow] = useState(() => {
    const workflow = options.workflow ?? context.workflow;
    return createChargeFlow({
      ...(context.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: context.confirmTimeoutMs }),
      ...options,
      backend: context.backend,
      attempts: context.attempts,
      workflow,
      getPayjp:
        context.getPayjp ??
        (() => Promise.reject(new ThreeDSecureError('misconfigured', `The ${workflow} workflow needs publicKey on <ThreeDSecureProvider>.`))),
    });
  });
  const state = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  const resume = useCallback(() => flow.resume() ?? Promise.resolve(null), [flow]);
  useEffect(() => {
    if (resumeOnMount) void flow.resume();
  }, [flow, resumeOnMount]);
  return {
    start: flow.start,
    resume,
    cancel: flow.cancel,
    reset: flow.reset,
    state: state.status,
    charge: state.charge,
    error: state.error,
    workflow: state.workflow,
    stillConfirming: state.stillConfirming,
    resumable: state.resumable,
  };
}
