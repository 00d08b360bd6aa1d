import type { CardVerification } from './protocol';
import { cardVerificationResource, type CardVerificationState, type StartCardVerificationOptions } from './engine/cardVerificationResource';
import { createPayjpFlow } from './engine/createPayjpFlow';
import type { PayjpFlow, PayjpFlowOptions, PayjpLegacyStatus } from './engine/types';

export type { CardVerificationState, StartCardVerificationOptions };

/** @deprecated Read `status` and `step`. The ten states of earlier versions (the snapshot's `state`). */
export type CardVerificationStatus = Exclude<PayjpLegacyStatus, 'tokenizing' | 'finishing'>;

/** Options of {@link createCardVerificationFlow}. */
export type CardVerificationFlowOptions = PayjpFlowOptions<CardVerificationState>;

/** The customer-card verification flow: `start`, `resume`, `cancel`, `reset` and its snapshot. */
export type CardVerificationFlow = PayjpFlow<StartCardVerificationOptions, CardVerificationState>;

/** The verification's result type, for `onSucceeded`. */
export type { CardVerification };

/**
 * PAY.JP customer-card 3-D Secure (seed 001) on the PAY.JP engine: create the request on the
 * backend, save the attempt, show the issuer through payjs (iframe, sub-window or redirect), then
 * let the backend's status decide, confirmed with backoff for as long as a late result can arrive.
 */
export function createCardVerificationFlow(options: CardVerificationFlowOptions): CardVerificationFlow {
  return createPayjpFlow(cardVerificationResource, options);
}
