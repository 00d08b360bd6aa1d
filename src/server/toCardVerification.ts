import type { CardVerification, CardVerificationOutcome, PayjpThreeDSecureRequestState } from '../core/payjp/protocol';
import type { PayjpThreeDSecureRequestLike } from './types';

const STATES: readonly string[] = ['created', 'in_progress', 'result_received', 'finished'] satisfies PayjpThreeDSecureRequestState[];

function timestamp(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The server's verdict on a PAY.JP three_d_secure_request. The result counts once the state is
 * `result_received` or `finished`; before that an `expired_at` means the flow is over.
 */
export function verificationOutcome(request: Pick<PayjpThreeDSecureRequestLike, 'state' | 'three_d_secure_status' | 'expired_at'>, acceptAttempted: boolean): { outcome: CardVerificationOutcome; attemptedRefused?: true } {
  const resultIn = request.state === 'finished' || request.state === 'result_received';
  if (!resultIn) return { outcome: timestamp(request.expired_at) !== null ? 'expired' : 'pending' };
  switch (request.three_d_secure_status) {
    case 'verified':
      return { outcome: 'succeeded' };
    case 'attempted':
      return acceptAttempted ? { outcome: 'succeeded' } : { outcome: 'failed', attemptedRefused: true };
    default:
      // unverified, failed, error, aborted, or a status PAY.JP adds later: not a success.
      return { outcome: 'failed' };
  }
}

/** PAY.JP's snake_case object → the protocol's camelCase `CardVerification`. */
export function toCardVerification(request: PayjpThreeDSecureRequestLike, options: { acceptAttempted?: boolean } = {}): CardVerification {
  const verdict = verificationOutcome(request, options.acceptAttempted ?? true);
  return {
    id: request.id,
    cardId: request.resource_id,
    // An unknown future state reads as the earliest one: the outcome stays pending.
    state: (STATES.includes(request.state) ? request.state : 'created') as PayjpThreeDSecureRequestState,
    threeDSecureStatus: typeof request.three_d_secure_status === 'string' ? request.three_d_secure_status : null,
    outcome: verdict.outcome,
    ...(verdict.attemptedRefused ? { attemptedRefused: true } : {}),
    createdAt: timestamp(request.created) ?? 0,
    startedAt: timestamp(request.started_at),
    resultReceivedAt: timestamp(request.result_received_at),
    finishedAt: timestamp(request.finished_at),
    expiredAt: timestamp(request.expired_at),
  };
}
