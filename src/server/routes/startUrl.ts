import { RouteError } from '../routeError';
import { signBackUrl } from '../signBackUrl';
import type { RouteContext } from './context';

/** The configured return URL the browser asked for (exact match), or the first one. */
export function pickReturnUrl(context: RouteContext, value: unknown): string {
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

/**
 * PAY.JP's start page for a `tdsr_…`, `ch_…` or `tok_…` id:
 * `{origin}/v1/tds/{id}/start?publickey=…&back_url={HS256 JWS of {"url": returnUrl}}`.
 */
export async function startPageUrl(context: RouteContext, id: string, returnUrl: string): Promise<string> {
  const backUrl = await signBackUrl(returnUrl, await context.backUrlKey());
  const url = new URL(`/v1/tds/${id}/start`, context.startOrigin);
  url.searchParams.set('publickey', context.publicKey);
  url.searchParams.set('back_url', backUrl);
  return url.toString();
}
