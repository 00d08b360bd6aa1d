import type { ChargeResponse } from '../../core/payjp/protocol';
import { jsonResponse } from '../json';
import { toChargeSummary } from '../toChargeSummary';
import type { RouteContext } from './context';
import { readChargeId } from './ids';
import { loadOwnedCharge } from './loadOwnedCharge';

/** `GET /charges/{id}` → 200 `{ charge }`: poll it while the challenge's result lands. */
export async function getCharge(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readChargeId(rawId);
  const found = await loadOwnedCharge(request, context, id);
  const answer: ChargeResponse = { charge: toChargeSummary(found, { acceptAttempted: context.acceptAttempted, now: context.now() }) };
  return jsonResponse(200, answer);
}
