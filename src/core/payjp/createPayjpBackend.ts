import { isLoopbackHost } from '../acs/isAllowedActionUrl';
import { ThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';
import { requestJson } from '../http/requestJson';
import { isRecord, stringOr } from '../kuroco/parseKurocoError';
import type { PayjpGetterOptions } from './createPayjpGetter';
import type { PayjpInstance } from './payjs';
import { rememberPayjsOrigin } from './payjsOrigins';
import type { CardVerification, ChargeSummary, CreateChargeBody, PayjpProtocolErrorCode, TokenSummary } from './protocol';

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
  /** Charge-time 3-D Secure: the server prices `order` and creates the charge with `three_d_secure=true`. */
  createCharge(body: CreateChargeBody, init?: { signal?: AbortSignal }): Promise<ChargeSummary>;
  getCharge(id: string, init?: ChargeRequestInit): Promise<ChargeSummary>;
  /** Finishes the charge after the challenge (`tds_finish`), once; a decline is a `card_declined` error. */
  finishCharge(id: string, init?: ChargeRequestInit): Promise<ChargeSummary>;
  /** Token-time 3-D Secure: the server checks the token's status, finishing it when the workflow left it open. */
  finishToken(id: string, init?: { signal?: AbortSignal }): Promise<TokenSummary>;
  /**
   * The PAY.JP start URL for the redirect workflow of a `tdsr_`, `ch_` or `tok_` id (checked against
   * `allowedStartOrigins` and the id).
   */
  createRedirectUrl(id: string, body?: { returnUrl?: string }, init?: ChargeRequestInit): Promise<string>;
  /**
   * Optional: a payjs getter to use instead of loading pay.js (tests: `withPayjs` from
   * `react-3ds-kit/testing`). `createPayjpBackend` leaves it out; apps give the client a
   * `createPayjsLoader` instead.
   */
  createPayjs?(options: PayjpGetterOptions): () => Promise<PayjpInstance>;
}

/** Per-request options of the charge routes. */
export interface ChargeRequestInit {
  signal?: AbortSignal;
  /** Guest checkout: the charge's `chargeTag`, sent as `x-react3ds-charge-tag`. */
  chargeTag?: string;
}

const CHARGE_TAG_HEADER = 'x-react3ds-charge-tag';

// The protocol's collection for each PAY.JP id prefix.
function collectionOf(id: string): string {
  if (id.startsWith('tdsr_')) return 'card-verifications';
  if (id.startsWith('ch_')) return 'charges';
  if (id.startsWith('tok_')) return 'tokens';
  throw new ThreeDSecureError('invalid_request', `${JSON.stringify(id)} is not a 3-D Secure request, charge or token id`);
}

// Protocol codes that are kit codes as they are; the handler refusing the request itself (method,
// origin, content type) is the site's setup: `misconfigured`.
const SAME_CODES: readonly string[] = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'expired',
  'return_url_not_allowed',
  'backend_error',
  'misconfigured',
  'card_declined',
] satisfies readonly (PayjpProtocolErrorCode & ThreeDSecureErrorCode)[];

function protocolError(status: number, body: unknown): ThreeDSecureError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const given = /^(method|origin)_not_allowed$|^unsupported_media_type$/.test(String(error.code)) ? 'misconfigured' : String(error.code);
  const code = SAME_CODES.includes(given) ? (given as ThreeDSecureErrorCode) : status >= 500 ? 'backend_error' : 'invalid_response';
  return new ThreeDSecureError(code, `PAY.JP backend answered ${status}: ${stringOr(error.message) ?? `HTTP ${status}`}`, {
    status,
    providerCode: stringOr(error.providerCode),
    field: stringOr(error.param),
  });
}

/** The protocol object under `key`, checked for the two fields every one of them has. */
function read<T>(body: unknown, key: 'verification' | 'charge' | 'token'): T {
  const value = isRecord(body) ? body[key] : undefined;
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.outcome !== 'string') {
    throw new ThreeDSecureError('invalid_response', `The PAY.JP backend answered without a \`${key}\``);
  }
  return value as T;
}

// URL.canParse is missing on iOS 16 and older: shoppers still use those.
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// `/{collection}/{id}{rest}`, the id encoded.
const pathOf = (collection: string, id: string, rest = '') => `/${collection}/${encodeURIComponent(id)}${rest}`;

/** A client for `createPayjpHandler` (see `src/server/README.md` for the protocol). */
export function createPayjpBackend(options: PayjpBackendOptions): PayjpBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const allowedStartOrigins = options.allowedStartOrigins ?? ['https://api.pay.jp'];
  // The start page's origin is pay.js's too: its challenge iframe may come from there.
  for (const origin of allowedStartOrigins) rememberPayjsOrigin(origin);

  async function call(method: 'GET' | 'POST', path: string, body: unknown, init: ChargeRequestInit) {
    const extra = typeof options.headers === 'function' ? options.headers() : options.headers;
    const response = await requestJson({
      url: new URL(base + path, globalThis.document?.baseURI ?? 'http://localhost/').toString(),
      method,
      body,
      headers: init.chargeTag ? { ...extra, [CHARGE_TAG_HEADER]: init.chargeTag } : extra,
      credentials: options.credentials,
      signal: init.signal,
      timeoutMs: options.timeoutMs ?? 15_000,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    });
    if (response.status < 200 || response.status >= 300) throw protocolError(response.status, response.body);
    return response.body;
  }

  // Each method is one protocol call and one shape check.
  const one =
    <T>(key: 'verification' | 'charge' | 'token', method: 'GET' | 'POST', path: (id: string) => string, body?: object) =>
    async (id: string, init: ChargeRequestInit = {}): Promise<T> =>
      read<T>(await call(method, path(id), body, init), key);

  return {
    provider: 'payjp',
    createCardVerification: async (cardId, init = {}) => read(await call('POST', '/card-verifications', { cardId }, init), 'verification'),
    getCardVerification: one<CardVerification>('verification', 'GET', (id) => pathOf('card-verifications', id)),
    async createCharge(body, init = {}) {
      const answer = await call('POST', '/charges', body, init);
      const charge = read<ChargeSummary>(answer, 'charge');
      const chargeTag = isRecord(answer) ? stringOr(answer.chargeTag) : undefined;
      return chargeTag ? { ...charge, chargeTag } : charge;
    },
    getCharge: one<ChargeSummary>('charge', 'GET', (id) => pathOf('charges', id)),
    finishCharge: one<ChargeSummary>('charge', 'POST', (id) => pathOf('charges', id, '/finish'), {}),
    finishToken: one<TokenSummary>('token', 'POST', (id) => pathOf('tokens', id, '/finish'), {}),
    async createRedirectUrl(id, body = {}, init = {}) {
      const answer = await call('POST', pathOf(collectionOf(id), id, '/redirect'), body, init);
      const url = (isRecord(answer) && stringOr(answer.url)) || '';
      const parsed = parseUrl(url);
      // The shopper's browser goes wherever this says: only PAY.JP's own start page for this request,
      // on a listed origin over https (plain http only for a listed loopback origin: the sandbox).
      const allowed =
        parsed !== null &&
        allowedStartOrigins.some((origin) => parseUrl(origin)?.origin === parsed.origin) &&
        (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) &&
        parsed.pathname === `/v1/tds/${id}/start`;
      if (!allowed) {
        throw new ThreeDSecureError('start_url_not_allowed', `Refusing to redirect to ${JSON.stringify(url)}: not PAY.JP's start page for ${id} on ${allowedStartOrigins.join(', ')}. If this is your sandbox or test server, add its origin to createPayjpBackend({ allowedStartOrigins })${parsed ? ` (["${parsed.origin}"])` : ''}; the server's createPayjpHandler({ apiBase }) decides which origin it answers`);
      }
      return parsed.toString();
    },
  };
}
