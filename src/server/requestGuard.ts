import { isJsonContentType } from './json';
import { RouteError } from './routeError';

/**
 * The handler's CSRF defence, run on every request that reaches a route, before anything else:
 *
 * - a POST must declare `Content-Type: application/json`, body or not. Browsers only send that
 *   cross-origin after a CORS preflight (which the handler never answers), so no form post and no
 *   `no-cors` fetch gets through, whatever the cookies' SameSite attribute;
 * - `Sec-Fetch-Site: cross-site` is refused unless the page's `Origin` is listed in
 *   `allowedOrigins`;
 * - an `Origin` header must be the handler's own origin (from `request.url`) or a listed one. A
 *   same-site page on another port or subdomain is another origin: refused.
 *
 * Requests without `Origin` and `Sec-Fetch-*` (server-to-server calls, tests) pass on the content
 * type alone.
 */
export function assertTrustedRequest(request: Request, allowedOrigins: ReadonlySet<string>): void {
  const origin = request.headers.get('origin');
  const listed = origin !== null && allowedOrigins.has(origin);
  if (request.headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site' && !listed) {
    throw new RouteError(403, 'origin_not_allowed', 'Cross-site requests are refused: list the page origin in `allowedOrigins`');
  }
  if (origin !== null && !listed && origin !== new URL(request.url).origin) {
    throw new RouteError(403, 'origin_not_allowed', describeRefusedOrigin(origin));
  }
  if (request.method.toUpperCase() === 'POST' && !isJsonContentType(request.headers.get('content-type'))) {
    throw new RouteError(415, 'unsupported_media_type', 'POST requests must be sent as Content-Type: application/json (even with an empty body)');
  }
}

/**
 * Names the refused Origin and the option to list it in: a dev server's proxy or a reverse proxy gives
 * `request.url` another host than the page's, and the fix is one line. The handler's own origin is
 * left out, since behind a proxy it is an internal address.
 */
function describeRefusedOrigin(origin: string): string {
  const shown = origin.length > 100 ? `${origin.slice(0, 100)}…` : origin;
  const hint = origin.length <= 100 && /^https?:\/\/[\w.:[\]-]+$/.test(origin) ? `: if your pages are served from it, createPayjpHandler({ allowedOrigins: ['${origin}'] })` : '';
  return `The request's Origin ${JSON.stringify(shown)} is neither this handler's origin (from request.url, which a proxy or a dev server's proxy can set to another host) nor in \`allowedOrigins\`${hint}`;
}
