'use client';
import { useState, useSyncExternalStore } from 'react';
import { ThreeDSecureError } from '../core/errors';
import { createChargeFlow, type ChargeFlowOptions, type ChargeState, type ChargeStatus, type StartChargeOptions } from '../core/payjp/createChargeFlow';
import type { ThreeDSecureWorkflow } from '../core/payjp/payjs';
import type { ChargeSummary } from '../core/payjp/protocol';
import { usePayjpContext } from './ThreeDSecureProvider';

/** Per-hook settings: `workflow`, `popupFallback`, `dialogOptions`, `returnUrl`, `pollDelaysMs`, `navigate`. */
export type UsePayjpChargeOptions = Partial<Pick<ChargeFlowOptions, 'workflow' | 'popupFallback' | 'dialogOptions' | 'returnUrl' | 'pollDelaysMs' | 'navigate'>>;

export interface UsePayjpChargeResult {
  /** Creates the charge on the server (which prices `order`), runs 3-D Secure, finishes it. One charge per start. */
  start(options: StartChargeOptions): Promise<ChargeState>;
  state: ChargeStatus;
  charge: ChargeSummary | null;
  error: ThreeDSecureError | null;
  workflow: ThreeDSecureWorkflow | null;
  cancel(): void;
  reset(): void;
}

/** Charge-time 3-D Secure with PAY.JP (支払い作成時の3Dセキュア). */
export function usePayjpCharge(options: UsePayjpChargeOptions = {}): UsePayjpChargeResult {
  const context = usePayjpContext('usePayjpCharge()');
  const [flow] = useState(() => {
    const workflow = options.workflow ?? context.workflow;
    return createChargeFlow({
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
  return { start: flow.start, cancel: flow.cancel, reset: flow.reset, state: state.status, charge: state.charge, error: state.error, workflow: state.workflow };
}
