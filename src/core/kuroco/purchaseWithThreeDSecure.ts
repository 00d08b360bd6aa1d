import { createAttemptId, type AttemptStore } from '../attempt/attemptStore';
import type { KurocoBackend, KurocoOrderInput, KurocoPurchaseResult } from './types';

/**
 * Places the order, and when Kuroco answers with a 3-D Secure hand-off, saves the order ids as the
 * tab's attempt before returning, so they survive the full-page trip to the issuer and back.
 */
export async function purchaseWithThreeDSecure(
  backend: KurocoBackend,
  order: KurocoOrderInput,
  attempts: AttemptStore,
  init: { signal?: AbortSignal; now?: () => number } = {},
): Promise<KurocoPurchaseResult> {
  const result = await backend.purchase(order, init.signal ? { signal: init.signal } : {});
  if (result.acsHtml !== null) {
    attempts.save({ provider: 'kuroco', id: createAttemptId(), orderIds: result.orderIds, createdAt: (init.now ?? Date.now)() });
  }
  return result;
}
