import { RouteError } from './routeError';

/** PAY.JP codes that all mean "this 3-D Secure flow is over: start again" (see reference §5). */
export const EXPIRED_CODES = new Set(['three_d_secure_expired', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted']);

/** Seconds a client should wait after PAY.JP's 429 before asking again (the SDKs' `retryInitialDelay`). */
export const PAYJP_RETRY_AFTER_SECONDS = 2;

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** What the handler may repeat from a PAY.JP SDK error: status and code, nothing else. */
export interface PayjpErrorFacts {
  /** HTTP status PAY.JP answered with; undefined when there was no answer. */
  status?: number;
  /** PAY.JP's `error.code`, when it is a plain code. */
  code?: string;
  /** True when PAY.JP never answered (network failure or timeout). */
  network: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function payjpErrorBody(error: Record<string, unknown>): Record<string, unknown> | undefined {
  // v2 (superagent) and v3 (fetch): err.response.body.error; v3 also err.body.error.
  const response = isRecord(error.response) ? error.response : undefined;
  for (const body of [response?.body, error.body]) {
    if (isRecord(body) && isRecord(body.error)) return body.error;
  }
  return undefined;
}

/**
 * Reads an error thrown by the `payjp` SDK (2.x or 3.x). Only the status and a code that looks
 * like a code (and not like a key) survive: PAY.JP's messages and the SDK's request details (which hold the
 * Authorization header) are never copied into an answer.
 */
export function readPayjpError(error: unknown): PayjpErrorFacts {
  if (!isRecord(error)) return { network: false };
  const body = payjpErrorBody(error);
  const response = isRecord(error.response) ? error.response : undefined;
  const statusCandidates = [error.status, response?.status, body?.status];
  const status = statusCandidates.find((value): value is number => typeof value === 'number' && value >= 100 && value <= 599);
  // A plain code, and never anything shaped like a key (sk_…, pk_…): it may be repeated in answers.
  const code = typeof body?.code === 'string' && /^[a-z0-9_]{1,64}$/.test(body.code) && !/^(?:sk|pk)_/.test(body.code) ? body.code : undefined;
  if (status !== undefined) return { status, ...(code ? { code } : {}), network: false };
  const errno = typeof error.code === 'string' ? error.code : '';
  const name = typeof error.name === 'string' ? error.name : '';
  const message = typeof error.message === 'string' ? error.message : '';
  const network =
    NETWORK_CODES.has(errno) ||
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    typeof error.timeout === 'number' ||
    /fetch failed|socket hang up|network/i.test(message);
  return { network };
}

/** Turns an SDK error into the protocol answer (404s are the caller's to interpret first). */
export function toPayjpRouteError(error: unknown): RouteError {
  const facts = readPayjpError(error);
  const extra = { cause: error, ...(facts.code ? { providerCode: facts.code } : {}) };
  if (facts.code && EXPIRED_CODES.has(facts.code)) {
    return new RouteError(409, 'expired', 'The 3-D Secure request has expired or is no longer in progress: create a new one', extra);
  }
  if (facts.status === 404) return new RouteError(404, 'not_found', 'Not found', extra);
  if (facts.status === 429) {
    // PAY.JP's rate limit (over_capacity): temporary. 2 s is the official SDKs' first retry delay.
    return new RouteError(503, 'backend_error', 'PAY.JP is over capacity (HTTP 429): retry shortly', { ...extra, retryable: true, headers: { 'Retry-After': String(PAYJP_RETRY_AFTER_SECONDS) } });
  }
  if (facts.status === 401) {
    // The secret key was refused: the merchant's configuration, not the shopper's request.
    return new RouteError(500, 'misconfigured', 'PAY.JP refused the secret key (HTTP 401): check the server configuration', extra);
  }
  if (facts.status === undefined) {
    return new RouteError(502, 'backend_error', facts.network ? 'PAY.JP could not be reached or did not answer in time' : 'Calling PAY.JP failed', extra);
  }
  return new RouteError(502, 'backend_error', `PAY.JP answered HTTP ${facts.status}`, extra);
}

/** True when the SDK error is PAY.JP's 404 (for lookups where 404 means "not this customer's"). */
export function isPayjpNotFound(error: unknown): boolean {
  return readPayjpError(error).status === 404;
}

/** True when PAY.JP said the 3-D Secure flow is over (expired, or no longer in the flow). */
export function isPayjpExpired(error: unknown): boolean {
  const code = readPayjpError(error).code;
  return code !== undefined && EXPIRED_CODES.has(code);
}

/** PAY.JP 400 codes at `charges.create` that are about the card or token the browser sent. */
const PAYMENT_METHOD_CODES = new Set(['token_already_used', 'unverified_token', 'invalid_card', 'test_card_on_livemode', 'invalid_number', 'invalid_expiry_month', 'invalid_expiry_year', 'invalid_cvc', 'expired_card']);

/**
 * The charge and token routes' mapping: a card error (PAY.JP's 402, at create or at finish) is
 * 402 `card_declined` with PAY.JP's code (`card_declined`, `expired_card`, …) as `providerCode`;
 * a 400 about the token or card is 400 `invalid_request`; the rest as {@link toPayjpRouteError}.
 */
export function toPaymentRouteError(error: unknown, param?: string): RouteError {
  const facts = readPayjpError(error);
  const extra = { cause: error, ...(facts.code ? { providerCode: facts.code } : {}) };
  if (facts.status === 402) return new RouteError(402, 'card_declined', 'The card was declined', extra);
  if (facts.status === 400 && facts.code && PAYMENT_METHOD_CODES.has(facts.code)) {
    return new RouteError(400, 'invalid_request', 'PAY.JP refused the token or card', { ...extra, ...(param ? { param } : {}) });
  }
  return toPayjpRouteError(error);
}
