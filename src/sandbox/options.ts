import type { PayjpSandboxOptions } from './payjp/options';

export type { FailedFinishCode, PayjpSandboxOptions, SecondFinishAnswer } from './payjp/options';
export { resolvePayjpOptions } from './payjp/options';

/** How the sandbox's Kuroco API authenticates requests (Kuroco's API security setting). */
export type KurocoSandboxAuth = 'token' | 'cookie' | 'none';

/** Endpoint paths, relative to `/rcms-api/{apiId}/` (each Kuroco site chooses its own). */
export interface KurocoSandboxPaths {
  /**
   * `ECOrder::purchase` (POST).
   * @default 'ec/order'
   */
  purchase?: string;
  /**
   * `ECOrder::details` (GET); must contain the placeholder `{ec_order_id}`.
   * @default 'ec/order/{ec_order_id}'
   */
  orderDetails?: string;
}

/** Options of the Kuroco EC × Paygent stand-in. */
export interface KurocoSandboxOptions {
  /**
   * The API id in `/rcms-api/{apiId}/…`.
   * @default 1
   */
  apiId?: number;
  /**
   * The static access token expected in `X-RCMS-API-ACCESS-TOKEN` when `auth` is `'token'`.
   * @default 'sandbox-access-token'
   */
  accessToken?: string;
  /**
   * `'token'`: every API request needs `X-RCMS-API-ACCESS-TOKEN: <accessToken>`, else 401.
   * `'cookie'`: every API request needs the `rcms_sandbox_session` cookie issued by
   * `POST {apiBase}/login`, else 401; orders are only visible to the session that created them.
   * `'none'`: no check. `POST {apiBase}/login` works in every mode.
   * @default 'token'
   */
  auth?: KurocoSandboxAuth;
  /** Endpoint paths; see {@link KurocoSandboxPaths}. */
  paths?: KurocoSandboxPaths;
  /**
   * Shape of `out_acs_html`: `'document'` is a full HTML document (`<html>…<body onload=…>`, as
   * Paygent's telegram returns it), `'form'` only its `<form>` element (as Kuroco's documentation
   * excerpt starts). Which one Kuroco really sends is undocumented, so the kit is tested with both.
   * @default 'document'
   */
  acsHtml?: 'document' | 'form';
  /**
   * Origin (e.g. `http://localhost:5173`) against which a relative `card_3dsec_return_url` is
   * resolved when the purchase request carries neither `Origin` nor `Referer`.
   * @default undefined (then the sandbox's own origin is used)
   */
  frontendOrigin?: string;
  /**
   * After a successful challenge, the order keeps reading `payment_failed` for this long before it
   * reads `paid`, to simulate Kuroco updating the order late (the kit must poll).
   * @default 0
   */
  statusDelayMs?: number;
  /**
   * Delay before every Kuroco API answer (not CORS preflights).
   * @default 0
   */
  latencyMs?: number;
  /**
   * A challenge completed later than this after the purchase counts as a timeout, whatever button
   * was pressed (Paygent times out unauthenticated transactions after 30 minutes).
   * @default 1_800_000 (30 minutes)
   */
  challengeTimeoutMs?: number;
  /**
   * Clock used for order timestamps, `statusDelayMs` and `challengeTimeoutMs` (tests pass a fake one).
   * @default Date.now
   */
  now?: () => number;
  /**
   * The HTTP status of an authentication failure (a missing or wrong access token, no session):
   * 401 `unauthorized` or 403 `forbidden`. Kuroco's FAQ names both ("APIが 401 / 403 を返す").
   * @default 401
   */
  authFailureStatus?: 401 | 403;
  /**
   * What the Paygent connector does once the ACS form is posted: `'challenge'` shows the issuer's
   * challenge page; `'frictionless'` authenticates without the shopper and sends the browser back
   * to the return URL after about 1 s (as real frictionless flows do; the order then follows
   * `statusDelayMs`); `'stranded'` shows Paygent's own error page and never redirects (Paygent's
   * documented no-redirect error path): the order stays 決済失敗.
   * @default 'challenge'
   */
  authentication?: KurocoSandboxAuthentication;
}

/** See {@link KurocoSandboxOptions.authentication}. */
export type KurocoSandboxAuthentication = 'challenge' | 'frictionless' | 'stranded';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** The PAY.JP stand-in (v1 API subset, 3-D Secure pages, stand-in pay.js). */
  payjp?: PayjpSandboxOptions;
  /** The Kuroco EC × Paygent stand-in. */
  kuroco?: KurocoSandboxOptions;
}

/** Kuroco options with every default filled in and checked. */
export interface ResolvedKurocoOptions {
  apiId: number;
  accessToken: string;
  auth: KurocoSandboxAuth;
  paths: { purchase: string; orderDetails: string };
  acsHtml: 'document' | 'form';
  frontendOrigin: string | undefined;
  statusDelayMs: number;
  latencyMs: number;
  challengeTimeoutMs: number;
  now: () => number;
  authFailureStatus: 401 | 403;
  authentication: KurocoSandboxAuthentication;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`createSandbox: kuroco.${name} must be a number >= 0`);
  return value;
}

function checkOrigin(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError('createSandbox: kuroco.frontendOrigin must be an absolute http(s) origin');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('createSandbox: kuroco.frontendOrigin must be an http(s) origin');
  }
  return url.origin;
}

/** Fills in defaults; throws `TypeError` for options that cannot work, so mistakes show up at once. */
export function resolveKurocoOptions(options: KurocoSandboxOptions = {}): ResolvedKurocoOptions {
  const apiId = options.apiId ?? 1;
  if (!Number.isSafeInteger(apiId) || apiId < 1) throw new TypeError('createSandbox: kuroco.apiId must be a positive integer');
  const auth = options.auth ?? 'token';
  if (auth !== 'token' && auth !== 'cookie' && auth !== 'none') {
    throw new TypeError("createSandbox: kuroco.auth must be 'token', 'cookie' or 'none'");
  }
  const acsHtml = options.acsHtml ?? 'document';
  if (acsHtml !== 'document' && acsHtml !== 'form') throw new TypeError("createSandbox: kuroco.acsHtml must be 'document' or 'form'");
  const purchase = trimSlashes(options.paths?.purchase ?? 'ec/order');
  const orderDetails = trimSlashes(options.paths?.orderDetails ?? 'ec/order/{ec_order_id}');
  if (!purchase) throw new TypeError('createSandbox: kuroco.paths.purchase must not be empty');
  if (!orderDetails.includes('{ec_order_id}')) {
    throw new TypeError('createSandbox: kuroco.paths.orderDetails must contain {ec_order_id}');
  }
  return {
    apiId,
    accessToken: options.accessToken ?? 'sandbox-access-token',
    auth,
    paths: { purchase, orderDetails },
    acsHtml,
    frontendOrigin: checkOrigin(options.frontendOrigin),
    statusDelayMs: nonNegative('statusDelayMs', options.statusDelayMs, 0),
    latencyMs: nonNegative('latencyMs', options.latencyMs, 0),
    challengeTimeoutMs: nonNegative('challengeTimeoutMs', options.challengeTimeoutMs, 30 * 60 * 1000),
    now: options.now ?? Date.now,
    authFailureStatus: authFailureStatusOf(options.authFailureStatus),
    authentication: authenticationOf(options.authentication),
  };
}

function authFailureStatusOf(value: number | undefined): 401 | 403 {
  if (value === undefined) return 401;
  if (value !== 401 && value !== 403) throw new TypeError('createSandbox: kuroco.authFailureStatus must be 401 or 403');
  return value;
}

function authenticationOf(value: string | undefined): KurocoSandboxAuthentication {
  if (value === undefined) return 'challenge';
  if (value !== 'challenge' && value !== 'frictionless' && value !== 'stranded') {
    throw new TypeError("createSandbox: kuroco.authentication must be 'challenge', 'frictionless' or 'stranded'");
  }
  return value;
}
