import { isAllowedActionUrl } from '../acs/isAllowedActionUrl';
import { ThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';
import { requestJson } from '../http/requestJson';
import { isRecord } from '../kuroco/parseKurocoError';
import type { CardVerification, PayjpProtocolErrorCode } from './protocol';

export interface PayjpBackendOptions {
  /** Where `createPayjpHandler` is mounted, e.g. `/api/3ds` or `https://shop.example/api/3ds`. */
  baseUrl: string;
  /** Extra headers on every request (a CSRF token, say). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** @default 'same-origin' */
  credentials?: RequestCredentials;
  /** Per-request time limit. @default 15000 */
  timeoutMs?: number;
  /** Origins the redirect workflow may send the shopper to. @default ['https://api.pay.jp'] */
  allowedStartOrigins?: readonly string[];
  fetch?: typeof fetch;
}

/** The merchant backend for PAY.JP; `createPayjpBackend` builds one over the kit's JSON protocol. */
export interface PayjpBackend {
  readonly provider: 'payjp';
  createCardVerification(cardId: string, init?: { signal?: AbortSignal }): Promise<CardVerification>;
  getCardVerification(id: string, init?: { signal?: AbortSignal }): Promise<CardVerification>;
  /** The PAY.JP start URL for the redirect workflow (checked against `allowedStartOrigins`). */
  createRedirectUrl(id: string, body?: { returnUrl?: string }, init?: { signal?: AbortSignal }): Promise<string>;
}

const CODES: Record<PayjpProtocolErrorCode, ThreeDSecureErrorCode> = {
  invalid_request: 'invalid_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  method_not_allowed: 'misconfigured',
  expired: 'expired',
  return_url_not_allowed: 'return_url_not_allowed',
  backend_error: 'backend_error',
  misconfigured: 'misconfigured',
  card_declined: 'card_declined',
};

function protocolError(status: number, body: unknown): ThreeDSecureError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' && error.code in CODES ? CODES[error.code as PayjpProtocolErrorCode] : status >= 500 ? 'backend_error' : 'invalid_response';
  const message = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
  return new ThreeDSecureError(code, `PAY.JP backend answered ${status}: ${message}`, {
    status,
    ...(typeof error.providerCode === 'string' ? { providerCode: error.providerCode } : {}),
    ...(typeof error.param === 'string' ? { field: error.param } : {}),
  });
}

function readVerification(body: unknown): CardVerification {
  const verification = isRecord(body) ? body.verification : undefined;
  if (!isRecord(verification) || typeof verification.id !== 'string' || typeof verification.outcome !== 'string') {
    throw new ThreeDSecureError('invalid_response', 'The PAY.JP backend answered without a `verification`');
  }
  return verification as unknown as CardVerification;
}

// URL.canParse is missing on iOS 16 and older: shoppers still use those.
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A client for `createPayjpHandler` (see `src/server/README.md` for the protocol). */
export function createPayjpBackend(options: PayjpBackendOptions): PayjpBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const allowedStartOrigins = options.allowedStartOrigins ?? ['https://api.pay.jp'];

  async function call(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined) {
    const url = new URL(`${base}${path}`, globalThis.document?.baseURI ?? 'http://localhost/').toString();
    const headers = typeof options.headers === 'function' ? options.headers() : options.headers;
    const response = await requestJson({
      url,
      method,
      body,
      timeoutMs: options.timeoutMs ?? 15_000,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      ...(headers ? { headers } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(signal ? { signal } : {}),
    });
    if (response.status < 200 || response.status >= 300) throw protocolError(response.status, response.body);
    return response.body;
  }

  return {
    provider: 'payjp',
    async createCardVerification(cardId, init = {}) {
      return readVerification(await call('POST', '/card-verifications', { cardId }, init.signal));
    },
    async getCardVerification(id, init = {}) {
      return readVerification(await call('GET', `/card-verifications/${encodeURIComponent(id)}`, undefined, init.signal));
    },
    async createRedirectUrl(id, body = {}, init = {}) {
      const answer = await call('POST', `/card-verifications/${encodeURIComponent(id)}/redirect`, body, init.signal);
      const url = isRecord(answer) && typeof answer.url === 'string' ? answer.url : '';
      const parsed = parseUrl(url);
      // The shopper's browser goes wherever this says: only PAY.JP's own start page for this request.
      if (!parsed || !isAllowedActionUrl(parsed, allowedStartOrigins) || parsed.pathname !== `/v1/tds/${id}/start`) {
        throw new ThreeDSecureError('start_url_not_allowed', `Refusing to redirect to ${JSON.stringify(url)}: not PAY.JP's start page for ${id} on ${allowedStartOrigins.join(', ')}`);
      }
      return parsed.toString();
    },
  };
}
