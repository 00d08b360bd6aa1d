import type { ChargeOutcome } from '../payjp/protocol';

/** `GET {base}/attempts/{reference}`'s answer: only the outcome, never personal or card data. */
export interface AttemptOutcomeResponse {
  attempt: { kind: 'charge'; outcome: ChargeOutcome };
}

/** The query parameter the redirect workflow's return URL carries when the handler's `attemptReferences` is on. */
export const ATTEMPT_REFERENCE_PARAM = 'r3ds_attempt';
