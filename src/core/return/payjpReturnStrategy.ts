import type { PayjpAttempt, SavedAttempt } from '../attempt/attemptStore';
import type { PayjpBackend } from '../payjp/createPayjpBackend';
import { verdictOf, type PayjpVerdictInput } from '../payjp/verdictOf';
import { DEFAULT_CONFIRM_TIMEOUT_MS } from '../confirm/confirmUntilFinal';
import type { ReturnRead, ReturnStrategy } from './createReturnFlow';

// The one PAY.JP verdict (shared with the in-page flows), as the return flow reads it.
function toReturnRead(read: PayjpVerdictInput, extra: Pick<ReturnRead, 'verification'> = {}): ReturnRead {
  const verdict = verdictOf(read);
  return verdict.final ? { final: true, code: verdict.error?.code ?? null, ...extra } : { final: false, ifExhausted: 'status_unknown', ...extra };
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
        return toReturnRead(charge);
      }
      if (attempt.kind === 'token') {
        const token = await backend.finishToken(attempt.resourceId, { signal });
        return toReturnRead(token);
      }
      const verification = await backend.getCardVerification(attempt.resourceId, { signal });
      return toReturnRead(verification, { verification });
    },
  };
}
