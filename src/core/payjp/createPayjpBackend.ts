import { isLoopbackHost } from '../acs/isAllowedActionUrl';
import { ThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';
import { requestJson } from '../http/requestJson';
import { isRecord } from '../kuroco/parseKurocoError';
import { createPayjpGetter, type PayjpGetterOptions } from './createPayjpGetter';
import type { PayjpInstance } from './payjs';
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
   * How `<ThreeDSecureProvider>` loads pay.js for this backend (`createPayjpBackend` sets it to
   * `createPayjpGetter`), so apps without a PAY.JP backend do not carry the loader. A hand-written
   * backend may leave it out: the PAY.JP hooks then load pay.js themselves when they mount.
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

/** A client for `createPayjpHandler` (see `src/server/README.md` for the protocol). */
export function createPayjpBackend(options: PayjpBackendOptions): PayjpBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const allowedStartOrigins = options.allowedStartOrigins ?? ['https://api.pay.jp'];

  async function call(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined, chargeTag?: string) {
    const url = new URL(`${base}${path}`, globalThis.document?.baseURI ?? 'http://localhost/').toString();
    const extra = typeof options.headers === 'function' ? options.headers() : options.headers;
    const headers = chargeTag ? { ...extra, [CHARGE_TAG_HEADER]: chargeTag } : extra;
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
    createPayjs: createPayjpGetter,
    async createCardVerification(cardId, init = {}) {
      return read<CardVerification>(await call('POST', '/card-verifications', { cardId }, init.signal), 'verification');
    },
    async getCardVerification(id, init = {}) {
      return read<CardVerification>(await call('GET', `/card-verifications/${encodeURIComponent(id)}`, undefined, init.signal), 'verification');
    },
    async createCharge(body, init = {}) {
      const answer = await call('POST', '/charges', body, init.signal);
      const charge = read<ChargeSummary>(answer, 'charge');
      const chargeTag = isRecord(answer) && typeof answer.chargeTag === 'string' ? answer.chargeTag : undefined;
      return chargeTag ? { ...charge, chargeTag } : charge;
    },
    async getCharge(id, init = {}) {
      return read<ChargeSummary>(await call('GET', `/charges/${encodeURIComponent(id)}`, undefined, init.signal, init.chargeTag), 'charge');
    },
    async finishCharge(id, init = {}) {
      return read<ChargeSummary>(await call('POST', `/charges/${encodeURIComponent(id)}/finish`, {}, init.signal, init.chargeTag), 'charge');
    },
    async finishToken(id, init = {}) {
      return read<TokenSummary>(await call('POST', `/tokens/${encodeURIComponent(id)}/finish`, {}, init.signal), 'token');
    },
    async createRedirectUrl(id, body = {}, init = {}) {
      const answer = await call('POST', `/${collectionOf(id)}/${encodeURIComponent(id)}/redirect`, body, init.signal, init.chargeTag);
      const url = isRecord(answer) && typeof answer.url === 'string' ? answer.url : '';
      const parsed = parseUrl(url);
      // The shopper's browser goes wherever this says: only PAY.JP's own start page for this request,
      // on a listed origin over https (plain http only for a listed loopback origin: the sandbox).
      const allowed =
        parsed !== null &&
        allowedStartOrigins.some((origin) => parseUrl(origin)?.origin === parsed.origin) &&
        (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) &&
        parsed.pathname === `/v1/tds/${id}/start`;
      if (!allowed) {
        throw new ThreeDSecureError('start_url_not_allowed', `Refusing to redirect to ${JSON.stringify(url)}: not PAY.JP's start page for ${id} on ${allowedStartOrigins.join(', ')}`);
      }
      return parsed.toString();
    },
  };
}
