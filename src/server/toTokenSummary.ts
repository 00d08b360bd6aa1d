import type { ChargeOutcome, TokenSummary } from '../core/payjp/protocol';
import type { PayjpTokenLike } from './types';

/**
 * The server's verdict on a token's `card.three_d_secure_status`: `verified` → succeeded;
 * `attempted` → succeeded, or failed + attemptedRefused under `acceptAttempted: false`;
 * `unverified` → pending (finish it, or its result has not landed); anything else, `null`
 * included (no 3-D Secure took place) → failed.
 */
export function tokenOutcome(status: string | null | undefined, acceptAttempted = true): { outcome: ChargeOutcome; attemptedRefused?: true } {
  switch (status) {
    case 'verified':
      return { outcome: 'succeeded' };
    case 'attempted':
      return acceptAttempted ? { outcome: 'succeeded' } : { outcome: 'failed', attemptedRefused: true };
    case 'unverified':
      return { outcome: 'pending' };
    default:
      return { outcome: 'failed' };
  }
}

/** PAY.JP's token → the protocol's `TokenSummary`; `expired` overrides the status-based verdict. */
export function toTokenSummary(token: PayjpTokenLike, options: { acceptAttempted?: boolean; expired?: boolean } = {}): TokenSummary {
  const status = typeof token.card?.three_d_secure_status === 'string' ? token.card.three_d_secure_status : null;
  const verdict = options.expired ? { outcome: 'expired' as const } : tokenOutcome(status, options.acceptAttempted ?? true);
  return {
    id: token.id,
    threeDSecureStatus: status,
    outcome: verdict.outcome,
    ...('attemptedRefused' in verdict && verdict.attemptedRefused ? { attemptedRefused: true } : {}),
  };
}
