import type { KurocoAttempt, SavedAttempt } from '../attempt/attemptStore';
import type { KurocoBackend, KurocoPaymentStatus } from '../kuroco/types';
import { createReturnFlow, type ReturnFlow, type ReturnFlowOptions, type ReturnStrategy } from './createReturnFlow';

function combine(statuses: KurocoPaymentStatus[]): KurocoPaymentStatus {
  if (statuses.every((s) => s === 'paid')) return 'paid';
  if (statuses.some((s) => s === 'failed')) return 'failed';
  return 'pending';
}

/**
 * Kuroco × Paygent: `dsec_error=1` on the return URL claims a failure, which the return flow checks
 * with one read (a paid order is a success; an unpaid one that is not `payment_failed` is shown
 * but not settled). Otherwise the orders must become paid; Kuroco keeps a 3-D Secure order "payment failed" until then, and the card authorization after
 * 3-D Secure can still fail, so an order that stays unpaid through every read is an authorization failure.
 */
export function kurocoReturnStrategy(backend: KurocoBackend): ReturnStrategy<KurocoAttempt> {
  return {
    accepts: (attempt: SavedAttempt): attempt is KurocoAttempt => attempt.provider === 'kuroco',
    orderIds: (attempt) => attempt.orderIds,
    subject: () => 'payment',
    readUrl: (url) => ({ code: url.searchParams.get('dsec_error') === '1' ? 'three_d_secure_failed' : null, strip: ['dsec_error'] }),
    async read(attempt, signal) {
      const status = combine(await Promise.all(attempt.orderIds.map((id) => backend.getPaymentStatus(id, { signal }))));
      if (status === 'paid') return { final: true, code: null };
      return { final: false, ifExhausted: status === 'failed' ? 'authorization_failed' : 'status_unknown' };
    },
  };
}

export interface KurocoReturnFlowOptions extends Omit<ReturnFlowOptions<KurocoAttempt>, 'strategy'> {
  backend: KurocoBackend;
}

/** The return flow for Kuroco × Paygent. */
export function createKurocoReturnFlow({ backend, ...options }: KurocoReturnFlowOptions): ReturnFlow {
  return createReturnFlow({ ...options, strategy: kurocoReturnStrategy(backend) });
}
