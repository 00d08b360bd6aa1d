import { ThreeDSecureError } from '../errors';
import type { ChargeOutcome, PayjpThreeDSecureStatus } from './protocol';

/** What the backend says of a `tdsr_`, `ch_` or `tok_` resource, as far as a verdict needs it. */
export interface PayjpVerdictInput {
  id: string;
  outcome: ChargeOutcome;
  attemptedRefused?: boolean | undefined;
  /** Charges: PAY.JP's decline code, when the card was declined. */
  failureCode?: string | null | undefined;
  threeDSecureStatus: PayjpThreeDSecureStatus | null;
}

/** Not final yet, or final: succeeded (`error` null) or failed with the kit's code. */
export type PayjpVerdict = { final: false } | { final: true; error: ThreeDSecureError | null };

/**
 * The one reading of a PAY.JP resource's outcome, shared by the in-page flows, the token path and
 * the return page: the server decides (`outcome`, computed from PAY.JP's status and its policy).
 */
export function verdictOf(read: PayjpVerdictInput): PayjpVerdict {
  switch (read.outcome) {
    case 'succeeded':
      return { final: true, error: null };
    case 'expired':
      return { final: true, error: new ThreeDSecureError('expired', `${read.id} expired before 3-D Secure finished`) };
    case 'failed':
      if (read.attemptedRefused) return { final: true, error: new ThreeDSecureError('attempted_not_accepted', `${read.id} ended as attempted, which the server does not accept`) };
      if (read.failureCode) return { final: true, error: new ThreeDSecureError('card_declined', `${read.id} was declined: ${read.failureCode}`, { providerCode: read.failureCode }) };
      return { final: true, error: new ThreeDSecureError('three_d_secure_failed', `${read.id} ended as ${read.threeDSecureStatus ?? 'unknown'}`) };
    default:
      return { final: false };
  }
}
