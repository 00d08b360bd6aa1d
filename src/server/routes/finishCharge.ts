import type { ChargeResponse } from '../../core/payjp/protocol';
import { jsonResponse } from '../json';
import { toPaymentRouteError } from '../readPayjpError';
import { RouteError } from '../routeError';
import { chargeOutcome, toChargeSummary } from '../toChargeSummary';
import type { PayjpChargeLike } from '../types';
import { chargesApi, type RouteContext } from './context';
import { readChargeId } from './ids';
import { assertChargeOwner, authorizeCharge, readCharge } from './loadOwnedCharge';

function declined(failureCode: string): RouteError {
  return new RouteError(402, 'card_declined', 'The card was declined', { providerCode: failureCode });
}

/**
 * `POST /charges/{id}/finish` → 200 `{ charge }`. The caller is authorized first, outside the lock;
 * then serialised per charge id and re-read first, so
 * `tds_finish` runs at most once per paid charge: a paid charge answers itself, a declined one
 * answers its 402 again. `verified` (or accepted `attempted`) → `tds_finish`; refused `attempted`
 * or a failed status → 200 with outcome `failed`; past the window → 409 `expired`; still
 * `unverified` → 400 `invalid_request` (`providerCode: three_d_secure_incompleted`): poll and retry.
 */
export async function finishCharge(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readChargeId(rawId);
  // Authenticate outside the lock: a foreign or bogus caller never queues in front of the owner
  // and (see authorizeCharge) usually costs no PAY.JP call at all.
  const { caller } = await authorizeCharge(request, context, id);
  return context.lock(id, async () => {
    // Inside the lock: only the fresh read (still the caller's) and the finish.
    const charge = await readCharge(context, id);
    assertChargeOwner(charge, caller);
    const answer = (found: PayjpChargeLike) => {
      const body: ChargeResponse = { charge: toChargeSummary(found, { acceptAttempted: context.acceptAttempted, now: context.now() }) };
      return jsonResponse(200, body);
    };
    if (charge.paid) return answer(charge);
    if (typeof charge.failure_code === 'string' && charge.failure_code !== '') throw declined(charge.failure_code);
    const verdict = chargeOutcome(charge, { acceptAttempted: context.acceptAttempted, now: context.now() });
    if (verdict.outcome === 'failed') return answer(charge);
    if (verdict.outcome === 'expired') throw new RouteError(409, 'expired', "The charge's 3-D Secure window (30 minutes) is over: create a new charge");
    const status = charge.three_d_secure_status;
    if (status !== 'verified' && status !== 'attempted') {
      throw new RouteError(400, 'invalid_request', '3-D Secure has not completed on this charge yet', { providerCode: 'three_d_secure_incompleted' });
    }
    const charges = await chargesApi(context);
    try {
      return answer(await charges.tds_finish(id));
    } catch (error) {
      // PAY.JP's codes for a second finish and for a failed flow are undocumented: the charge as it
      // now reads decides. Paid (another process finished it) or failed is the answer.
      const again = await charges.retrieve(id).catch(() => null);
      if (again?.paid) return answer(again);
      const declinedNow = typeof again?.failure_code === 'string' && again.failure_code !== '';
      if (again && !declinedNow && chargeOutcome(again, { acceptAttempted: context.acceptAttempted, now: context.now() }).outcome === 'failed') return answer(again);
      throw toPaymentRouteError(error);
    }
  });
}
