import type { RedirectResponse } from '../../core/payjp/protocol';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { signBackUrl } from '../signBackUrl';
import { verificationOutcome } from '../toCardVerification';
import type { RouteContext } from './context';
import { readRequestId } from './ids';
import { loadOwnedRequest } from './loadOwnedRequest';

/** The configured return URL the browser asked for (exact match), or the first one. */
function pickReturnUrl(context: RouteContext, value: unknown): string {
  if (value !== undefined && typeof value !== 'string') {
    throw new RouteError(400, 'invalid_request', '`returnUrl` must be a string', { param: 'returnUrl' });
  }
  const first = context.returnUrls[0];
  if (first === undefined) {
    throw new RouteError(500, 'misconfigured', 'The redirect workflow needs `returnUrls` in createPayjpHandler');
  }
  if (value === undefined) return first;
  // Exact string match only: the browser picks among URLs the server already trusts.
  if (!context.returnUrls.includes(value)) {
    throw new RouteError(400, 'return_url_not_allowed', '`returnUrl` is not one of the configured return URLs', { param: 'returnUrl' });
  }
  return value;
}

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
  const backUrl = await signBackUrl(returnUrl, await context.backUrlKey());
  const url = new URL(`/v1/tds/${id}/start`, context.startOrigin);
  url.searchParams.set('publickey', context.publicKey);
  url.searchParams.set('back_url', backUrl);
  const answer: RedirectResponse = { url: url.toString() };
  return jsonResponse(200, answer);
}
