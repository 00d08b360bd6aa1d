import type { ChargeResponse } from '../../core/payjp/protocol';
import { jsonResponse } from '../json';
import { toPaymentRouteError } from '../readPayjpError';
import { RouteError } from '../routeError';
import { chargeOutcome, toChargeSummary } from '../toChargeSummary';
import { settleAttempt } from '../attemptLedger';
import type { PayjpChargeLike } from '../types';
import { chargesApi, type RouteContext } from './context';
import { readChargeId } from './ids';
import { assertChargeOwner, authorizeCharge, readCharge } from './loadOwnedCharge';

/** Takes the charge off the ledger's open list; a store failure is left for reconcile() to repair. */
async function settle(context: RouteContext, id: string, paid: boolean): Promise<void> {
  await settleAttempt(context.store, id, paid).catch(() => undefined);
}

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
 * Settled charges leave the ledger's open list; `onEvent` hears every finish and every refusal.
 */
export async function finishCharge(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readChargeId(rawId);
  try {
    return await finishOwnedCharge(request, context, id);
  } catch (error) {
    if (error instanceof RouteError && error.status !== 503) {
      context.emit({ type: 'finish_refused', chargeId: id, code: error.body.code, status: error.status, ...(error.body.providerCode ? { providerCode: error.body.providerCode } : {}) });
    }
    throw error;
  }
}

async function finishOwnedCharge(request: Request, context: RouteContext, id: string): Promise<Response> {
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
    if (charge.paid) {
      await settle(context, id, true);
      return answer(charge);
    }
    if (typeof charge.failure_code === 'string' && charge.failure_code !== '') {
      await settle(context, id, false);
      throw declined(charge.failure_code);
    }
    const verdict = chargeOutcome(charge, { acceptAttempted: context.acceptAttempted, now: context.now() });
    if (verdict.outcome === 'failed') {
      await settle(context, id, false);
      context.emit({ type: 'finish_refused', chargeId: id, code: 'three_d_secure_failed', status: 200, threeDSecureStatus: charge.three_d_secure_status });
      return answer(charge);
    }
    if (verdict.outcome === 'expired') {
      await settle(context, id, false);
      context.emit({ type: 'charge_expired', chargeId: id, threeDSecureStatus: charge.three_d_secure_status, source: 'request' });
      throw new RouteError(409, 'expired', "The charge's 3-D Secure window (30 minutes) is over: create a new charge");
    }
    const status = charge.three_d_secure_status;
    if (status !== 'verified' && status !== 'attempted') {
      throw new RouteError(400, 'invalid_request', '3-D Secure has not completed on this charge yet', { providerCode: 'three_d_secure_incompleted' });
    }
    const charges = await chargesApi(context);
    let finished: PayjpChargeLike;
    try {
      finished = await charges.tds_finish(id);
    } catch (error) {
      // PAY.JP's codes for a second finish and for a failed flow are undocumented: the charge as it
      // now reads decides. Paid (another process finished it) or failed is the answer.
      const again = await charges.retrieve(id).catch(() => null);
      if (again?.paid) {
        await settle(context, id, true);
        return answer(again);
      }
      const declinedNow = typeof again?.failure_code === 'string' && again.failure_code !== '';
      if (again && !declinedNow && chargeOutcome(again, { acceptAttempted: context.acceptAttempted, now: context.now() }).outcome === 'failed') {
        await settle(context, id, false);
        context.emit({ type: 'finish_refused', chargeId: id, code: 'three_d_secure_failed', status: 200, threeDSecureStatus: again.three_d_secure_status });
        return answer(again);
      }
      const failure = toPaymentRouteError(error);
      if (failure.status === 402 || failure.body.code === 'expired') await settle(context, id, false);
      throw failure;
    }
    if (finished.paid) await settle(context, id, true);
    if (finished.paid) context.emit({ type: 'charge_finished', chargeId: id, amount: finished.amount, threeDSecureStatus: finished.three_d_secure_status, source: 'request' });
    return answer(finished);
  });
}
