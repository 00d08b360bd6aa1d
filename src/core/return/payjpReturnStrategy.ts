import type { PayjpAttempt, SavedAttempt } from '../attempt/attemptStore';
import type { PayjpBackend } from '../payjp/createPayjpBackend';
import type { ChargeOutcome } from '../payjp/protocol';
import { DEFAULT_CONFIRM_TIMEOUT_MS } from '../confirm/confirmUntilFinal';
import type { ReturnRead, ReturnStrategy } from './createReturnFlow';

function verdict(outcome: ChargeOutcome, attemptedRefused: boolean | undefined, extra: Pick<ReturnRead, 'verification'> = {}): ReturnRead {
  switch (outcome) {
    case 'succeeded':
      return { final: true, code: null, ...extra };
    case 'expired':
      return { final: true, code: 'expired', ...extra };
    case 'failed':
      return { final: true, code: attemptedRefused ? 'attempted_not_accepted' : 'three_d_secure_failed', ...extra };
    default:
      return { final: false, ifExhausted: 'status_unknown', ...extra };
  }
}

/**
 * PAY.JP redirect workflow: PAY.JP adds nothing to the return URL, so the saved id is read back
 * through the merchant backend, whose verdict decides (confirmed for 5 minutes, as results can be
 * late). It also resumes iframe and sub-window attempts after a reload. A charge or token is finished there (the
 * server calls `tds_finish` once); a saved-card verification is only read.
 */
export function payjpReturnStrategy(backend: PayjpBackend): ReturnStrategy<PayjpAttempt> {
  return {
    accepts: (attempt: SavedAttempt): attempt is PayjpAttempt => attempt.provider === 'payjp',
    orderIds: () => [],
    subject: (attempt) => (attempt.kind === 'charge' ? 'payment' : 'card'),
    chargeId: (attempt) => (attempt.kind === 'charge' ? attempt.resourceId : undefined),
    // Issuer results can land minutes late in production.
    confirmTimeoutMs: DEFAULT_CONFIRM_TIMEOUT_MS,
    async read(attempt, signal) {
      if (attempt.kind === 'charge') {
        const charge = await backend.finishCharge(attempt.resourceId, attempt.chargeTag ? { signal, chargeTag: attempt.chargeTag } : { signal });
        return verdict(charge.outcome, charge.attemptedRefused);
      }
      if (attempt.kind === 'token') {
        const token = await backend.finishToken(attempt.resourceId, { signal });
        return verdict(token.outcome, token.attemptedRefused);
      }
      const verification = await backend.getCardVerification(attempt.resourceId, { signal });
      return verdict(verification.outcome, verification.attemptedRefused, { verification });
    },
  };
}
