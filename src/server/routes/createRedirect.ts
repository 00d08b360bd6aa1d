import type { RedirectResponse } from '../../core/payjp/protocol';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { verificationOutcome } from '../toCardVerification';
import type { RouteContext } from './context';
import { readRequestId } from './ids';
import { loadOwnedRequest } from './loadOwnedRequest';
import { pickReturnUrl, startPageUrl } from './startUrl';

/** `POST /card-verifications/{id}/redirect` `{ returnUrl? }` → 200 `{ url }` (PAY.JP's start page). */
export async function createRedirect(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readRequestId(rawId);
  const body = await readJsonObject(request);
  const returnUrl = pickReturnUrl(context, body.returnUrl);
  const found = await loadOwnedRequest(request, context, id);
  if (verificationOutcome(found, context.acceptAttempted).outcome === 'expired') {
    // PAY.JP's start page would only show an error: say so now, so the page can start again.
    throw new RouteError(409, 'expired', 'The 3-D Secure request has expired: create a new one');
  }
  const answer: RedirectResponse = { url: await startPageUrl(context, id, returnUrl) };
  return jsonResponse(200, answer);
}
