import type { AttemptOutcomeResponse } from '../../core/recovery/attemptOutcome';
import { readAttempt } from '../attemptLedger';
import { verifyAttemptReference } from '../attemptReference';
import { jsonResponse } from '../json';
import { RouteError } from '../routeError';
import { chargeOutcome } from '../toChargeSummary';
import { callPayjp, type RouteContext } from './context';

/**
 * `GET {base}/attempts/{reference}` → 200 `{ attempt: { kind: 'charge', outcome } }`: the outcome of
 * the charge a signed reference names (the redirect workflow's return URL carries it), for a
 * shopper who comes back in another browser. No customer, amount or card data: only the outcome.
 * A forged, altered or unknown reference is 404 `not_found`; an expired one is 409 `expired`.
 * Read-only: a `verified` charge nobody finished reads `pending` until the shopper's first tab or
 * `reconcile()` finishes it.
 */
export async function attemptOutcome(context: RouteContext, reference: string): Promise<Response> {
  const key = context.attemptReferenceKey;
  if (!key) throw new RouteError(404, 'not_found', 'No such route');
  const checked = await verifyAttemptReference(decodeURIComponent(reference), await key(), context.now());
  if (!checked.ok) {
    if (checked.reason === 'expired') throw new RouteError(409, 'expired', 'The attempt reference has expired');
    throw new RouteError(404, 'not_found', 'No such attempt');
  }
  const { chargeId } = checked.claims;
  // Only charges this handler's ledger opened (a reference is signed for those alone; this also
  // keeps a reference from a different deployment sharing the key from reading other charges).
  if (!(await readAttempt(context.store, chargeId))) throw new RouteError(404, 'not_found', 'No such attempt');
  const charge = await callPayjp(
    context,
    async (client) => {
      const charges = client.charges;
      if (!charges) throw new RouteError(500, 'misconfigured', 'The payjp client has no charges API');
      return charges.retrieve(chargeId);
    },
    () => new RouteError(404, 'not_found', 'No such attempt'),
  );
  const { outcome } = chargeOutcome(charge, { acceptAttempted: context.acceptAttempted, now: context.now() });
  const body: AttemptOutcomeResponse = { attempt: { kind: 'charge', outcome } };
  return jsonResponse(200, body);
}
