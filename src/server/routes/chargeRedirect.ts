import type { RedirectResponse } from '../../core/payjp/protocol';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { chargeOutcome } from '../toChargeSummary';
import type { RouteContext } from './context';
import { readChargeId } from './ids';
import { loadOwnedCharge } from './loadOwnedCharge';
import { pickReturnUrl, startPageUrl } from './startUrl';
import { signAttemptReference, withAttemptReference } from '../attemptReference';

/** `POST /charges/{id}/redirect` `{ returnUrl? }` → 200 `{ url }` (PAY.JP's start page for the charge). */
export async function chargeRedirect(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readChargeId(rawId);
  const body = await readJsonObject(request);
  const returnUrl = pickReturnUrl(context, body.returnUrl);
  const charge = await loadOwnedCharge(request, context, id);
  const { outcome } = chargeOutcome(charge, { acceptAttempted: context.acceptAttempted, now: context.now() });
  if (outcome === 'expired') throw new RouteError(409, 'expired', "The charge's 3-D Secure window (30 minutes) is over: create a new charge");
  if (outcome !== 'pending') throw new RouteError(400, 'invalid_request', "The charge's 3-D Secure flow is over: there is nothing to redirect to");
  // [recovery] With attemptReferences, the return URL names the charge by a signed reference, so
  // another browser can learn its outcome (GET /attempts/{reference}).
  const key = context.attemptReferenceKey;
  const back = key ? withAttemptReference(returnUrl, await signAttemptReference({ chargeId: id, expiresAt: context.now() + context.attemptReferenceTtlMs }, await key())) : returnUrl;
  const answer: RedirectResponse = { url: await startPageUrl(context, id, back) };
  return jsonResponse(200, answer);
}
