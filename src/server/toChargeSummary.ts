import type { ChargeOutcome, ChargeSummary } from '../core/payjp/protocol';
import type { PayjpChargeLike } from './types';

/** PAY.JP: "支払い作成から30分を経過すると、3Dセキュアフローはタイムアウトし、処理が進められなくなります". */
export const CHARGE_THREE_D_SECURE_WINDOW_MS = 30 * 60 * 1000;

/** Final 3-D Secure statuses that are not a success (`aborted` comes from PAY.JP's mobile SDKs). */
const FAILED_STATUSES: readonly string[] = ['failed', 'error', 'aborted'];

/** Options of {@link chargeOutcome} and {@link toChargeSummary}. */
export interface ChargeOutcomeOptions {
  /** @default true */
  acceptAttempted?: boolean;
  /** Milliseconds since the epoch. @default Date.now() */
  now?: number;
}

/** Whether an unpaid charge is past PAY.JP's 30-minute 3-D Secure window. */
export function isChargeWindowOver(charge: Pick<PayjpChargeLike, 'created' | 'paid'>, now: number): boolean {
  return !charge.paid && Number.isFinite(charge.created) && now - charge.created * 1000 > CHARGE_THREE_D_SECURE_WINDOW_MS;
}

/**
 * The server's verdict on a charge under 3-D Secure, first match wins:
 * `paid` → succeeded; declined (`failure_code`) or a failed status (`failed`, `error`, `aborted`)
 * → failed; `attempted` refused by policy → failed + attemptedRefused; unpaid and past the
 * 30-minute window → expired; anything else (`unverified`: the challenge is open or its result
 * has not landed; `verified` / accepted `attempted`: awaiting finish) → pending.
 */
export function chargeOutcome(
  charge: Pick<PayjpChargeLike, 'paid' | 'created' | 'failure_code' | 'three_d_secure_status'>,
  options: ChargeOutcomeOptions = {},
): { outcome: ChargeOutcome; attemptedRefused?: true } {
  if (charge.paid) return { outcome: 'succeeded' };
  const status = charge.three_d_secure_status;
  if (typeof charge.failure_code === 'string' && charge.failure_code !== '') return { outcome: 'failed' };
  if (typeof status === 'string' && FAILED_STATUSES.includes(status)) return { outcome: 'failed' };
  if (status === 'attempted' && options.acceptAttempted === false) return { outcome: 'failed', attemptedRefused: true };
  if (isChargeWindowOver(charge, options.now ?? Date.now())) return { outcome: 'expired' };
  return { outcome: 'pending' };
}

/** PAY.JP's snake_case charge → the protocol's `ChargeSummary` (the amount is PAY.JP's record). */
export function toChargeSummary(charge: PayjpChargeLike, options: ChargeOutcomeOptions = {}): ChargeSummary {
  const verdict = chargeOutcome(charge, options);
  return {
    id: charge.id,
    amount: charge.amount,
    currency: charge.currency,
    paid: charge.paid === true,
    captured: charge.captured === true,
    threeDSecureStatus: typeof charge.three_d_secure_status === 'string' ? charge.three_d_secure_status : null,
    outcome: verdict.outcome,
    ...(verdict.attemptedRefused ? { attemptedRefused: true } : {}),
    failureCode: typeof charge.failure_code === 'string' ? charge.failure_code : null,
    createdAt: Number.isFinite(charge.created) ? charge.created : 0,
  };
}
