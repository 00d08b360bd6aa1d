import type { ThreeDSecureClient } from '../client/createThreeDSecureClient';
import type { ThreeDSecureEvent } from '../events';
import type { Flow, FlowCallbacks, FlowSnapshot } from '../flow/types';
import type { KurocoBackend, KurocoOrderInput, KurocoPurchaseResult } from './types';

/**
 * What a Kuroco purchase is doing while `working`:
 * - `placing`: the order is built and sent to `ECOrder::purchase`;
 * - `handing_off`: Kuroco asked for 3-D Secure; the ACS form (`result.acsHtml`) is about to be posted;
 * - `submitted`: the form was posted, the page is leaving for the issuer (the return page settles it).
 */
export type KurocoPurchaseStep = 'placing' | 'handing_off' | 'submitted';

/** A purchase's state: `succeeded` means Kuroco accepted the order without 3-D Secure. */
export interface KurocoPurchaseSnapshot extends FlowSnapshot<KurocoPurchaseStep, KurocoPurchaseResult> {
  /** While handing off: the key of this hand-off in the client (`kuroco:{orderIds}`); one form post per key. */
  handOffKey: string | null;
}

/** The order, or a function that builds it when the purchase starts (after creating the card token, say). */
export type KurocoOrderSource = KurocoOrderInput | (() => KurocoOrderInput | Promise<KurocoOrderInput>);

/**
 * One step of the purchase for monitoring, a {@link ThreeDSecureEvent} of flow `kuroco_purchase`:
 * `started`, `challenge_shown` (the ACS form was posted), `succeeded` (ordered without 3-D Secure)
 * or `failed` (with Kuroco's request id when known). Ids and codes only, never card or personal data.
 */
export type KurocoPurchaseEvent = Extract<ThreeDSecureEvent, { type: 'started' | 'challenge_shown' | 'succeeded' | 'failed' }> & { flow: 'kuroco_purchase' };

/** What `createKurocoPurchaseFlow` takes; `setOptions` replaces it (the client stays). */
export interface KurocoPurchaseFlowOptions extends FlowCallbacks<KurocoPurchaseSnapshot> {
  /** The client whose Kuroco backend is used, and whose registry keeps the purchase under way. */
  client: ThreeDSecureClient<KurocoBackend>;
  /** Kuroco answered the order (with or without a 3-D Secure hand-off); the order ids are saved by then. */
  onPurchased?(result: KurocoPurchaseResult): void;
  /** Monitoring: started, challenge_shown (the ACS form was posted), succeeded, failed (see {@link KurocoPurchaseEvent}). */
  onEvent?(event: ThreeDSecureEvent): void;
  /** The clock, for tests. @default Date.now */
  now?: () => number;
}

/**
 * A Kuroco EC purchase with Paygent 3-D Secure, on the kit's flow contract. Every flow made with the
 * same client sees the same purchase: one order is sent however often `start` is called, and after a
 * hand-off nothing more is sent until `reset`.
 */
export interface KurocoPurchaseFlow extends Flow<KurocoOrderSource, KurocoPurchaseSnapshot, KurocoPurchaseFlowOptions> {
  /** As `start`, resolving with Kuroco's answer or rejecting with the ThreeDSecureError. */
  purchase(order: KurocoOrderSource): Promise<KurocoPurchaseResult>;
  /** The ACS form was posted (by `<AcsFormAutoSubmit>` or the app): the purchase moves to `submitted`. */
  markSubmitted(): void;
}
