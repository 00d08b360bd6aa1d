'use client';
import type { ThreeDSecureError } from '../core/errors';
import type { FlowStatus } from '../core/flow/types';
import { createKurocoPurchaseFlow } from '../core/kuroco/createKurocoPurchaseFlow';
import type { KurocoPurchaseFlow, KurocoPurchaseFlowOptions, KurocoPurchaseSnapshot } from '../core/kuroco/kurocoPurchaseTypes';
import type { KurocoOrderInput, KurocoPurchaseResult } from '../core/kuroco/types';
import { useThreeDSecureContext } from './ThreeDSecureContext';
import { useFlow } from './useFlow';

/** Callbacks of one `useKurocoPurchase()`, fired by the flow for the purchases this hook starts. */
export type UseKurocoPurchaseOptions = Omit<KurocoPurchaseFlowOptions, 'client' | 'onEvent' | 'now'>;

/** What `useKurocoPurchase()` returns: the flow's snapshot, the former fields, and the flow. */
export interface UseKurocoPurchaseResult extends Omit<KurocoPurchaseSnapshot, 'status'> {
  /** Places the order; errors land in `error`. Calls while one is under way, or after a 3-D Secure hand-off, send nothing. */
  purchase(order: KurocoOrderInput): void;
  /** As `purchase`, returning the result or rejecting with a ThreeDSecureError. */
  purchaseAsync(order: KurocoOrderInput): Promise<KurocoPurchaseResult>;
  /** The kit's one vocabulary: idle → working (`step`: placing, handing_off, submitted) → succeeded | failed. */
  flowStatus: FlowStatus;
  /**
   * @deprecated Read `flowStatus` and `step`. The former react-query status: 'pending' while placing,
   * 'success' once Kuroco answered (with or without a hand-off), 'error' after a failure.
   */
  status: 'idle' | 'pending' | 'success' | 'error';
  /** Placing the order (`step === 'placing'`). */
  isPending: boolean;
  /** The purchase answer (`result`): render `<AcsFormAutoSubmit html={data.acsHtml}>` when `acsHtml` is set. */
  data: KurocoPurchaseResult | undefined;
  /** Why the purchase failed, or null. */
  error: ThreeDSecureError | null;
  /** Back to idle: the next `purchase` sends a new order. */
  reset(): void;
  /** The flow under the hook (`markSubmitted`, `subscribe`, …). */
  flow: KurocoPurchaseFlow;
}

const legacyStatus = ({ status, step }: KurocoPurchaseSnapshot): UseKurocoPurchaseResult['status'] =>
  status === 'failed' ? 'error' : step === 'placing' ? 'pending' : status === 'idle' ? 'idle' : 'success';

/**
 * Places a Kuroco order with 3-D Secure. One request per purchase however often it is called, and per
 * provider however many components call it; the order ids are saved for the return page before the
 * answer is handed back.
 */
export function useKurocoPurchase(options: UseKurocoPurchaseOptions = {}): UseKurocoPurchaseResult {
  const { client, onEvent } = useThreeDSecureContext('useKurocoPurchase()', 'kuroco');
  const [flow, snapshot] = useFlow(createKurocoPurchaseFlow, { ...options, client, ...(onEvent ? { onEvent } : {}) });
  return {
    ...snapshot,
    flowStatus: snapshot.status,
    status: legacyStatus(snapshot),
    isPending: snapshot.step === 'placing',
    data: snapshot.result ?? undefined,
    purchase: (order) => void flow.purchase(order).catch(() => undefined),
    purchaseAsync: flow.purchase,
    reset: flow.reset,
    flow,
  };
}
