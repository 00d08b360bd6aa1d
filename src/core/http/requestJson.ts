import { ThreeDSecureError } from '../errors';

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  credentials?: RequestCredentials;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch: typeof fetch;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` when the body was empty or not JSON. */
  body: unknown;
}

/**
 * One JSON round trip. Transport failures become typed errors (`network_error`, `timeout`);
 * HTTP error statuses are returned, because only the caller knows the provider's envelope.
 * Redirects are never followed: the request carries credentials (an access token, cookies, a
 * charge tag) meant for the configured origin only, so a 3xx is a `backend_error`.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  const onAbort = () => timeout.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await request.fetch(request.url, {
        method: request.method,
        headers: { accept: 'application/json', ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
        // JSON.stringify(undefined) is undefined: no body. fetch's own default credentials are same-origin.
        body: JSON.stringify(request.body),
        credentials: request.credentials,
        // 'manual', not 'error': the redirect is then told apart from a network failure. A browser
        // hands back an opaque redirect (status 0); Node's fetch the 3xx itself. Neither follows it.
        redirect: 'manual',
        signal: timeout.signal,
      });
    } catch (cause) {
      if (request.signal?.aborted) throw request.signal.reason ?? cause;
      if (timeout.signal.aborted) {
        throw new ThreeDSecureError('timeout', `No answer from ${request.url} within ${request.timeoutMs} ms`, { cause });
      }
      throw new ThreeDSecureError('network_error', `Could not reach ${request.url}`, { cause });
    }
    if (isRedirect(response)) {
      throw new ThreeDSecureError('backend_error', `${request.url} redirected; the kit follows no redirects`, {
        ...(response.status === 0 ? {} : { status: response.status }),
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      // Empty, not JSON, or unreadable: no body.
    }
    return { status: response.status, headers: response.headers, body };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

// An opaque redirect (browsers) or a 3xx with a Location (Node, test doubles).
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.headers.has('location'));
}
