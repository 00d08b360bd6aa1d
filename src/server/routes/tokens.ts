import type { RedirectResponse, TokenResponse } from '../../core/payjp/protocol';
import { finishTokenFlow, TokenFinishMissing } from '../finishTokenFlow';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { toTokenSummary } from '../toTokenSummary';
import { resolveCustomerOrNull, tokensApi, type RouteContext } from './context';
import { readTokenId } from './ids';
import { callPayment } from './payment';
import { pickReturnUrl, startPageUrl } from './startUrl';

const notFound = () => new RouteError(404, 'not_found', 'No such token');

/**
 * Tokens belong to whoever holds their id (payjs made it in that browser): callers need only be
 * signed in, or be guests when `allowGuestCharges` is on.
 */
async function requireCaller(context: RouteContext, request: Request): Promise<void> {
  if (context.allowGuestCharges) return;
  if ((await resolveCustomerOrNull(context, request)) === null) throw new RouteError(401, 'unauthorized', 'No signed-in customer for this request');
}

/**
 * `POST /tokens/{id}/finish` → 200 `{ token }`. Serialised per token id; reads the token and runs
 * `tds_finish` only once a result has landed, at most once per token across the servers sharing
 * the ledger store (see finishTokenFlow), then answers the verdict (`pending` while an `unverified` token's result has
 * not landed, `expired` once the token is older than 30 minutes and unfinished).
 */
export async function finishToken(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readTokenId(rawId);
  // Authenticate before queueing: a caller who may not finish never waits in front of one who may.
  await requireCaller(context, request);
  return context.lock(`token:${id}`, async () => {
    const tokens = await tokensApi(context);
    const result = await callPayment(async () => {
      try {
        return await finishTokenFlow(tokens, id, { acceptAttempted: context.acceptAttempted, finished: context.finishedTokens, now: () => context.now() });
      } catch (error) {
        if (error instanceof TokenFinishMissing) throw new RouteError(500, 'misconfigured', error.message, { cause: error });
        throw error;
      }
    }, { onNotFound: notFound });
    const answer: TokenResponse = { token: toTokenSummary(result.token, { acceptAttempted: context.acceptAttempted, expired: result.expired }) };
    return jsonResponse(200, answer);
  });
}

/** `POST /tokens/{id}/redirect` `{ returnUrl? }` → 200 `{ url }` (PAY.JP's start page for the token). */
export async function tokenRedirect(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readTokenId(rawId);
  const body = await readJsonObject(request);
  const returnUrl = pickReturnUrl(context, body.returnUrl);
  await requireCaller(context, request);
  const tokens = await tokensApi(context);
  await callPayment(() => tokens.retrieve(id), { onNotFound: notFound });
  const answer: RedirectResponse = { url: await startPageUrl(context, id, returnUrl) };
  return jsonResponse(200, answer);
}
