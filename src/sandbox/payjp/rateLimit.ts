import { PayjpApiError } from './errors';
import type { PayjpState } from './store';

// Request times per sandbox state, kept beside the state so the store's shape stays as it is.
const hits = new WeakMap<PayjpState, number[]>();

/**
 * Counts one `/v1` request against the `rateLimit` option (a sliding window over every key) and
 * throws PAY.JP's 429 `over_capacity` past it. A refused request does not count.
 */
export function checkRateLimit(state: PayjpState): void {
  const limit = state.options.rateLimit;
  if (limit === undefined) return;
  const now = state.options.now();
  const recent = (hits.get(state) ?? []).filter((at) => at > now - limit.perMs);
  if (recent.length >= limit.requests) {
    hits.set(state, recent);
    throw new PayjpApiError(429, 'client_error', 'The service is over capacity. Please try again later.', 'over_capacity');
  }
  recent.push(now);
  hits.set(state, recent);
}
