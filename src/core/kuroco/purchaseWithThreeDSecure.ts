import { createAttemptId, type AttemptStore } from '../attempt/attemptStore';
import type { KurocoBackend, KurocoOrderInput, KurocoPurchaseResult } from './types';

/**
 * Places the order, and when Kuroco answers with a 3-D Secure hand-off, saves the order ids as the
 * tab's attempt before returning, so they survive the full-page trip to the issuer and back. An
 * order without the hand-off forgets a previous attempt that is already settled.
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
  } else if (attempts.load()?.outcome) {
    // A settled attempt is an old order's result: the return page must not show it for this one.
    // An unsettled one keeps its order ids until its own return page confirms them.
    attempts.clear();
  }
  return result;
}
