import { ThreeDSecureError } from '../core/errors';
import { ChargeOwners } from './chargeOwners';
import { importChargeTagKey } from './chargeTag';
import { errorResponse } from './json';
import { createMemoryLedgerStore } from './createMemoryLedgerStore';
import { storeFinishedTokens } from './finishedTokens';
import { emitter } from './handlerEvents';
import { assertKeyPair } from './keyModes';
import { matchRoute, normalizeBasePath, type RouteName } from './matchRoute';
import { createClientSource } from './payjpClient';
import { assertTrustedRequest } from './requestGuard';
import { RouteError } from './routeError';
import { scrubProviderCode } from './scrubProviderCode';
import { readSdkApiBase } from './sdkApiBase';
import { createStoreLock } from './storeLock';
import { chargeRedirect } from './routes/chargeRedirect';
import { createCharge } from './routes/createCharge';
import { createRedirect } from './routes/createRedirect';
import { createVerification } from './routes/createVerification';
import { finishCharge } from './routes/finishCharge';
import { getCharge } from './routes/getCharge';
import { getVerification } from './routes/getVerification';
import type { RouteContext } from './routes/context';
import { finishToken, tokenRedirect } from './routes/tokens';
import { importBackUrlKey } from './signBackUrl';
import { DEFAULT_ATTEMPT_REFERENCE_TTL_MS, importAttemptReferenceKey } from './attemptReference';
import { attemptOutcome } from './routes/attemptOutcome';
import type { LedgerStore } from './ledgerStore';
import type { PayjpHandler, PayjpHandlerOptions } from './types';
import { markUnmatched } from './unmatched';
import { withTimeout } from './withTimeout';

const DEFAULT_API_BASE = 'https://api.pay.jp/v1';
const DEFAULT_RESOLVE_CUSTOMER_TIMEOUT_MS = 10_000;

const ALLOWED_METHOD: Record<RouteName, 'GET' | 'POST'> = {
  collection: 'POST',
  verification: 'GET',
  redirect: 'POST',
  charges: 'POST',
  charge: 'GET',
  chargeFinish: 'POST',
  chargeRedirect: 'POST',
  tokenFinish: 'POST',
  tokenRedirect: 'POST',
  attemptOutcome: 'GET',
};

const CHARGE_ROUTES: ReadonlySet<RouteName> = new Set(['charges', 'charge', 'chargeFinish', 'chargeRedirect', 'attemptOutcome']);

function misconfigured(message: string): ThreeDSecureError {
  return new ThreeDSecureError('misconfigured', `createPayjpHandler: ${message}`);
}

/** `new URL` without throwing (URL.canParse is missing on some older runtimes). */
function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function readReturnUrls(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw misconfigured('`returnUrls` must be an array of absolute http(s) URLs');
  return value.map((entry: unknown) => {
    const url = typeof entry === 'string' ? parseUrl(entry) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw misconfigured(`every return URL must be an absolute http(s) URL, got ${JSON.stringify(entry)}`);
    }
    return entry as string;
  });
}

function readAllowedOrigins(value: unknown): Set<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) throw misconfigured('`allowedOrigins` must be an array of origins such as https://shop.example');
  return new Set(
    value.map((entry: unknown) => {
      const url = typeof entry === 'string' ? parseUrl(entry) : null;
      // An origin and nothing else: what browsers send in the Origin header (no path, query or user).
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || entry !== url.origin) {
        throw misconfigured(`every allowed origin must be an http(s) origin with no path or trailing slash, such as https://shop.example; got ${JSON.stringify(entry)}`);
      }
      return url.origin;
    }),
  );
}

function readTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_RESOLVE_CUSTOMER_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw misconfigured('`resolveCustomerTimeoutMs` must be a positive number of milliseconds');
  return value;
}

function readApiOrigin(value: unknown): string {
  const url = typeof value === 'string' ? parseUrl(value) : null;
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.origin;
  throw misconfigured('`apiBase` must be an absolute http(s) URL such as https://api.pay.jp/v1');
}

const STORE_METHODS = ['setIfAbsent', 'get', 'set', 'delete', 'addOpen', 'removeOpen', 'listOpen'] as const;

function readAttemptReferenceTtl(value: unknown): number | null {
  if (value === undefined || value === false) return null;
  if (value === true) return DEFAULT_ATTEMPT_REFERENCE_TTL_MS;
  const ttlMs = (value as { ttlMs?: unknown } | null)?.ttlMs;
  if (typeof value === 'object' && value !== null && ttlMs === undefined) return DEFAULT_ATTEMPT_REFERENCE_TTL_MS;
  if (typeof value === 'object' && value !== null && typeof ttlMs === 'number' && Number.isFinite(ttlMs) && ttlMs > 0) return ttlMs;
  throw misconfigured('`attemptReferences` must be true, false or { ttlMs } with a positive number of milliseconds');
}

function readStore(value: unknown): LedgerStore {
  if (value === undefined) return createMemoryLedgerStore();
  const store = value as Record<string, unknown> | null;
  const missing = STORE_METHODS.filter((name) => typeof store?.[name] !== 'function');
  if (missing.length) throw misconfigured(`\`store\` must be a LedgerStore (createMemoryLedgerStore, createRedisLedgerStore); missing ${missing.join(', ')}`);
  return value as LedgerStore;
}

/**
 * The merchant backend for customer-card 3-D Secure with PAY.JP, as one Fetch API handler:
 *
 * - `POST {base}/card-verifications` `{ cardId }` → 201 `{ verification }`
 * - `GET  {base}/card-verifications/{tdsr_id}` → 200 `{ verification }`
 * - `POST {base}/card-verifications/{tdsr_id}/redirect` `{ returnUrl? }` → 200 `{ url }`
 *
 * and, for charge-time and token-time 3-D Secure (the `/charges` routes only with `resolveCharge`):
 *
 * - `POST {base}/charges` `{ token? , cardId?, order? }` → 201 `{ charge, chargeTag? }` (200 with
 *   `reused: true` for the open or paid charge of the same `orderKey`, see `store`)
 * - `GET  {base}/charges/{ch_id}` → 200 `{ charge }`
 * - `POST {base}/charges/{ch_id}/finish` → 200 `{ charge }` (402 `card_declined`, 409 `expired`)
 * - `POST {base}/charges/{ch_id}/redirect` `{ returnUrl? }` → 200 `{ url }`
 * - `POST {base}/tokens/{tok_id}/finish` → 200 `{ token }`
 * - `POST {base}/tokens/{tok_id}/redirect` `{ returnUrl? }` → 200 `{ url }`
 * - `GET  {base}/attempts/{reference}` → 200 `{ attempt }` (only with `attemptReferences`)
 *
 * Every answer is JSON (`{ error }` on failure, see `PayjpProtocolError`), `cache-control: no-store`.
 * Every POST must be `Content-Type: application/json` (415 otherwise), and a request from a page
 * of another origin is 403 `origin_not_allowed` unless that origin is in `allowedOrigins`.
 * Throws `ThreeDSecureError('misconfigured')` at creation for unusable options (bad or mismatched
 * keys, malformed return URLs); the secret key never appears in a message or an answer.
 */
export function createPayjpHandler(options: PayjpHandlerOptions): PayjpHandler {
  assertKeyPair(options.secretKey, options.publicKey);
  if (typeof options.resolveCustomer !== 'function') throw misconfigured('`resolveCustomer(request)` is required');
  if (options.resolveCharge !== undefined && typeof options.resolveCharge !== 'function') throw misconfigured('`resolveCharge(request, order)` must be a function');
  if (options.now !== undefined && typeof options.now !== 'function') throw misconfigured('`now` must be a function returning milliseconds');
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') throw misconfigured('`onEvent(event)` must be a function');
  const store = readStore(options.store);
  const { secretKey, publicKey, resolveCharge } = options;
  const allowedOrigins = readAllowedOrigins(options.allowedOrigins);
  const resolveCustomerTimeoutMs = readTimeout(options.resolveCustomerTimeoutMs);
  const sdkApiBase = readSdkApiBase(options.payjp);
  // An injected SDK pointed elsewhere (the sandbox) would otherwise send redirects to the real PAY.JP.
  if (options.apiBase !== undefined && sdkApiBase !== undefined && readApiOrigin(options.apiBase) !== readApiOrigin(sdkApiBase)) {
    throw misconfigured(`\`apiBase\` (${JSON.stringify(options.apiBase)}) and the injected \`payjp\` SDK's apibase (${JSON.stringify(sdkApiBase)}) differ; set the same API base on both`);
  }
  const apiBase = options.apiBase ?? sdkApiBase ?? DEFAULT_API_BASE;
  const basePath = normalizeBasePath(options.basePath);
  let backUrlKey: Promise<CryptoKey> | null = null;
  let chargeTagKey: Promise<CryptoKey> | null = null;
  let attemptReferenceKey: Promise<CryptoKey> | null = null;
  const attemptReferenceTtlMs = readAttemptReferenceTtl(options.attemptReferences);

  const context: RouteContext = {
    publicKey,
    acceptAttempted: options.acceptAttempted ?? true,
    returnUrls: readReturnUrls(options.returnUrls),
    startOrigin: readApiOrigin(apiBase),
    client: createClientSource({ secretKey, apiBase, payjp: options.payjp }),
    backUrlKey: () => (backUrlKey ??= importBackUrlKey(secretKey)),
    resolveCustomer: (request) =>
      withTimeout(
        () => options.resolveCustomer(request),
        resolveCustomerTimeoutMs,
        () => new RouteError(503, 'backend_error', `resolveCustomer did not settle within ${resolveCustomerTimeoutMs} ms`),
      ),
    resolveCharge: resolveCharge ? (request, order) => resolveCharge.call(options, request, order) : undefined,
    allowGuestCharges: options.allowGuestCharges === true,
    now: options.now ? () => (options.now as () => number)() : () => Date.now(),
    chargeTagKey: () => (chargeTagKey ??= importChargeTagKey(secretKey)),
    store,
    lock: createStoreLock(store),
    emit: emitter(options.onEvent),
    finishedTokens: storeFinishedTokens(store),
    chargeOwners: new ChargeOwners(),
    ...(attemptReferenceTtlMs === null ? {} : { attemptReferenceKey: () => (attemptReferenceKey ??= importAttemptReferenceKey(secretKey)) }),
    attemptReferenceTtlMs: attemptReferenceTtlMs ?? DEFAULT_ATTEMPT_REFERENCE_TTL_MS,
  };

  async function route(request: Request): Promise<Response> {
    const match = matchRoute(new URL(request.url).pathname, basePath);
    // Without resolveCharge the charge routes do not exist (and fall through to next() in Node).
    if (!match || (CHARGE_ROUTES.has(match.route) && !context.resolveCharge) || (match.route === 'attemptOutcome' && !context.attemptReferenceKey)) {
      return markUnmatched(errorResponse(new RouteError(404, 'not_found', 'No such route')));
    }
    const allowed = ALLOWED_METHOD[match.route];
    if (request.method.toUpperCase() !== allowed) {
      throw new RouteError(405, 'method_not_allowed', `Use ${allowed} on this path`, { headers: { allow: allowed } });
    }
    // CSRF: before any body is read, any customer resolved or any PAY.JP call.
    assertTrustedRequest(request, allowedOrigins);
    switch (match.route) {
      case 'collection':
        return createVerification(request, context);
      case 'verification':
        return getVerification(request, context, match.id);
      case 'redirect':
        return createRedirect(request, context, match.id);
      case 'charges':
        return createCharge(request, context, context.resolveCharge as NonNullable<RouteContext['resolveCharge']>);
      case 'charge':
        return getCharge(request, context, match.id);
      case 'chargeFinish':
        return finishCharge(request, context, match.id);
      case 'chargeRedirect':
        return chargeRedirect(request, context, match.id);
      case 'tokenFinish':
        return finishToken(request, context, match.id);
      case 'tokenRedirect':
        return tokenRedirect(request, context, match.id);
      case 'attemptOutcome':
        return attemptOutcome(context, match.id);
    }
  }

  return async function payjpHandler(request) {
    try {
      return await route(request);
    } catch (error) {
      // Anything that is not already a protocol answer is a bug or an app callback failing:
      // answer a plain 500 and keep the details for onError.
      const failure = error instanceof RouteError ? error : new RouteError(500, 'backend_error', 'Internal error', { cause: error });
      if (failure.status >= 500 && options.onError) {
        try {
          options.onError(failure.cause ?? failure, request);
        } catch {
          // A logging hook must not change the answer.
        }
      }
      return errorResponse(scrubProviderCode(failure, [secretKey, publicKey]));
    }
  };
}
