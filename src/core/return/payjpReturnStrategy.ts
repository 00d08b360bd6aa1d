import type { PayjpCardAttempt, SavedAttempt } from '../attempt/attemptStore';
import type { PayjpBackend } from '../payjp/createPayjpBackend';
import type { ReturnStrategy } from './createReturnFlow';

/**
 * PAY.JP redirect workflow: PAY.JP adds nothing to the return URL, so the saved request id is read
 * back through the merchant backend, whose verdict decides.
 */
export function payjpReturnStrategy(backend: PayjpBackend): ReturnStrategy<PayjpCardAttempt> {
  return {
    accepts: (attempt: SavedAttempt): attempt is PayjpCardAttempt => attempt.provider === 'payjp',
    orderIds: () => [],
    async read(attempt, signal) {
      const verification = await backend.getCardVerification(attempt.requestId, { signal });
      switch (verification.outcome) {
        case 'succeeded':
          return { final: true, code: null, verification };
        case 'expired':
          return { final: true, code: 'expired', verification };
        case 'failed':
          return { final: true, code: verification.attemptedRefused ? 'attempted_not_accepted' : 'three_d_secure_failed', verification };
        default:
          return { final: false, ifExhausted: 'status_unknown', verification };
      }
    },
  };
}
