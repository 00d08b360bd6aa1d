import type { PayjsDefaults } from './payjsScript/defaults';

/** Options of the PAY.JP stand-in (`createSandbox({ payjp: { … } })`). All are optional. */
export interface PayjpSandboxOptions {
  /**
   * The account's public key: payjs (`Payjp(publicKey)`), `POST /v1/tokens` and the `publickey`
   * query of `/v1/tds/{id}/start`. Must start with `pk_test_` (the sandbox is test mode).
   * @default 'pk_test_sandbox'
   */
  publicKey?: string;
  /**
   * The account's secret key: every `/v1` route, and the HS256 key of `back_url`. Must start with
   * `sk_test_`. Any other key gets PAY.JP's 401 `invalid_api_key`.
   * @default 'sk_test_sandbox'
   */
  secretKey?: string;
  /**
   * How long a three_d_secure_request lives, from its creation. Once passed without a result,
   * `expired_at` is set, the start page shows an expiry page and a late result is refused. PAY.JP
   * does not document the duration (charges have 30 minutes).
   * @default 1_800_000 (30 minutes)
   */
  requestExpiryMs?: number;
  /**
   * How long the 3-D Secure flow of a charge (`three_d_secure=true`) or of a token lives, from the
   * charge's or token's creation. Past it, `tds_finish` answers 400 `three_d_secure_expired` and the
   * start page shows an expiry page. PAY.JP documents 30 minutes for charges ("支払い作成から30分を
   * 経過すると、3Dセキュアフローはタイムアウト"); the sandbox uses the same limit for tokens.
   * @default 1_800_000 (30 minutes)
   */
  chargeExpiryMs?: number;
  /**
   * The challenge outcome `slow` is `verified`, but its result lands this long after the challenge
   * page completes; the request reads `in_progress` until then (real issuers can lag, test mode
   * does not).
   * @default 3000
   */
  slowIssuerMs?: number;
  /**
   * Delay before every `/v1` API answer (not the HTML pages, not CORS preflights).
   * @default 0
   */
  latencyMs?: number;
  /**
   * Delay before serving the stand-in pay.js, to test loading states.
   * @default 0
   */
  payjsLatencyMs?: number;
  /**
   * How the stand-in pay.js draws the iframe challenge (real pay.js's DOM is undocumented).
   * `'body-child'`: each open call appends a fresh `<body>` child (backdrop + dialog) holding an
   * iframe of the start page. `'foreign-frame'`: the same, but the iframe's `src` is a hosted frame
   * on another path (`/payjs/v2/three-d-secure-frame`, served from pay.js's origin, which forwards
   * to the start page), as real pay.js serves its UI from its own frames. `'container'`: `Payjp()`
   * appends a hidden container `<body>` child, and each call shows the challenge iframe inside it
   * (no new body child). No mode carries a sandbox-only marker.
   * Per page: `?payjsOverlay=` on the pay.js URL.
   * @default 'body-child'
   */
  payjsOverlay?: 'body-child' | 'foreign-frame' | 'container';
  /**
   * Hidden helper iframes: one (`display:none`) at the first `Payjp()`, and one (zero-sized) during
   * each iframe challenge, as real pay.js keeps an API tunnel frame on the page.
   * Per page: `?payjsHelperFrames=true|false`.
   * @default true
   */
  payjsHelperFrames?: boolean;
  /**
   * What `openThreeDSecureIframe` / `openThreeDSecureDialog` reject with: an `Error` with a `code`
   * (`'error'`), a plain `{ code, message }` (`'object'`), `{ error: { code, message } }`
   * (`'nested'`) or `undefined`. Per page: `?payjsRejection=`.
   * @default 'error'
   */
  payjsRejection?: 'error' | 'object' | 'nested' | 'undefined';
  /**
   * Language of pay.js's rejection and validation messages, whatever the `Payjp` locale (labels
   * follow the locale). Per page: `?payjsLanguage=`.
   * @default 'ja'
   */
  payjsLanguage?: 'ja' | 'en';
  /**
   * When the browser blocks the sub-window (`window.open` returns null): `'reject'`: pay.js rejects
   * at once (code `popup_blocked`, in the `payjsRejection` shape); `'null-window'`: pay.js's
   * promise never settles, so the page has only `window.open`'s null to go by (`createToken`
   * still resolves `{ error: { code: 'popup_blocked' } }`). Per page: `?popupBlocking=`.
   * @default 'reject'
   */
  popupBlocking?: 'reject' | 'null-window';
  /**
   * The workflow of a `Payjp()` created without `threeDSecureWorkflow` (real pay.js's default is
   * undocumented; its typings long knew only subwindow and redirect). Per page: `?payjsDefaultWorkflow=`.
   * @default 'subwindow'
   */
  payjsDefaultWorkflow?: 'iframe' | 'subwindow' | 'redirect';
  /**
   * Whether `createToken`'s client-side validation errors carry `status: 400`.
   * Per page: `?validationErrorShape=`.
   * @default 'without-status'
   */
  validationErrorShape?: 'with-status' | 'without-status';
  /**
   * Clock for `created` and the 3-D Secure timestamps, expiry and the slow issuer (tests pass a
   * fake one). Milliseconds, like `Date.now`.
   * @default Date.now
   */
  now?: () => number;
  /**
   * PAY.JP's answer to a second `tds_finish` on a charge or token whose 3-D Secure is already
   * finished (undocumented): 400 with one of three codes, or `'ok'` (200 with the object as it is,
   * nothing run again). `invalid_three_d_secure_state` appears in community lists of PAY.JP codes.
   * @default 'invalid_three_d_secure_state'
   */
  secondFinish?: SecondFinishAnswer;
  /**
   * The code of `tds_finish` when the 3-D Secure status is `failed` or `error` (undocumented;
   * PAY.JP's OpenAPI lists both codes).
   * @default 'three_d_secure_incompleted'
   */
  failedFinish?: FailedFinishCode;
  /**
   * The account setting "3-D Secure on every token" (help.pay.jp/ja/articles/5366097): `'param'`
   * runs token 3-D Secure only for `three_d_secure=true`; `'always'` runs it for every token,
   * whatever the flag (the stand-in pay.js then opens the challenge at `createToken`).
   * @default 'param'
   */
  tokenThreeDSecure?: 'param' | 'always';
  /**
   * PAY.JP's rate limit: past `requests` `/v1` requests within `perMs` (a sliding window over
   * every key), the answer is 429 with code `over_capacity` in PAY.JP's error envelope.
   * @default undefined (no limit)
   */
  rateLimit?: { requests: number; perMs: number };
}

/** Answers to a second `tds_finish` (see {@link PayjpSandboxOptions.secondFinish}). */
export type SecondFinishAnswer = 'invalid_three_d_secure_state' | 'not_in_three_d_secure_flow' | 'three_d_secure_incompleted' | 'ok';

/** Codes of `tds_finish` on a failed flow (see {@link PayjpSandboxOptions.failedFinish}). */
export type FailedFinishCode = 'three_d_secure_incompleted' | 'three_d_secure_failed';

const SECOND_FINISH_ANSWERS: readonly SecondFinishAnswer[] = ['invalid_three_d_secure_state', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted', 'ok'];
const FAILED_FINISH_CODES: readonly FailedFinishCode[] = ['three_d_secure_incompleted', 'three_d_secure_failed'];

function oneOf<T extends string>(name: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) throw new TypeError(`createSandbox: payjp.${name} must be one of ${allowed.map((item) => `'${item}'`).join(', ')}`);
  return value;
}

function rateLimitOf(value: PayjpSandboxOptions['rateLimit']): { requests: number; perMs: number } | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value.requests) || value.requests < 1 || !Number.isFinite(value.perMs) || value.perMs <= 0) {
    throw new TypeError('createSandbox: payjp.rateLimit must be { requests: integer >= 1, perMs: number > 0 }');
  }
  return { requests: value.requests, perMs: value.perMs };
}

/** PAY.JP options with every default filled in and checked. */
export interface ResolvedPayjpOptions {
  publicKey: string;
  secretKey: string;
  requestExpiryMs: number;
  chargeExpiryMs: number;
  slowIssuerMs: number;
  latencyMs: number;
  payjsLatencyMs: number;
  now: () => number;
  /** The stand-in pay.js options (payjsOverlay … validationErrorShape). */
  payjs: PayjsDefaults;
  secondFinish: SecondFinishAnswer;
  failedFinish: FailedFinishCode;
  tokenThreeDSecure: 'param' | 'always';
  rateLimit: { requests: number; perMs: number } | undefined;
}

/** The sandbox's documented key pair. */
export const SANDBOX_PAYJP_PUBLIC_KEY = 'pk_test_sandbox';
export const SANDBOX_PAYJP_SECRET_KEY = 'sk_test_sandbox';

const KEY_CHARS = /^[A-Za-z0-9_]+$/;

function key(name: string, value: string | undefined, fallback: string, prefix: string): string {
  const result = value ?? fallback;
  if (!result.startsWith(prefix) || result.length <= prefix.length || !KEY_CHARS.test(result)) {
    throw new TypeError(`createSandbox: payjp.${name} must start with '${prefix}' and contain only letters, digits and '_'`);
  }
  return result;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`createSandbox: payjp.${name} must be a number >= 0`);
  return value;
}

function resolvePayjsDefaults(options: PayjpSandboxOptions): PayjsDefaults {
  if (options.payjsHelperFrames !== undefined && typeof options.payjsHelperFrames !== 'boolean') {
    throw new TypeError('createSandbox: payjp.payjsHelperFrames must be a boolean');
  }
  return {
    payjsOverlay: oneOf('payjsOverlay', options.payjsOverlay, ['body-child', 'foreign-frame', 'container'], 'body-child'),
    payjsHelperFrames: options.payjsHelperFrames ?? true,
    payjsRejection: oneOf('payjsRejection', options.payjsRejection, ['error', 'object', 'nested', 'undefined'], 'error'),
    payjsLanguage: oneOf('payjsLanguage', options.payjsLanguage, ['ja', 'en'], 'ja'),
    popupBlocking: oneOf('popupBlocking', options.popupBlocking, ['reject', 'null-window'], 'reject'),
    payjsDefaultWorkflow: oneOf('payjsDefaultWorkflow', options.payjsDefaultWorkflow, ['iframe', 'subwindow', 'redirect'], 'subwindow'),
    validationErrorShape: oneOf('validationErrorShape', options.validationErrorShape, ['with-status', 'without-status'], 'without-status'),
  };
}

/** Fills in defaults; throws `TypeError` for options that cannot work, so mistakes show up at once. */
export function resolvePayjpOptions(options: PayjpSandboxOptions = {}): ResolvedPayjpOptions {
  return {
    publicKey: key('publicKey', options.publicKey, SANDBOX_PAYJP_PUBLIC_KEY, 'pk_test_'),
    secretKey: key('secretKey', options.secretKey, SANDBOX_PAYJP_SECRET_KEY, 'sk_test_'),
    requestExpiryMs: nonNegative('requestExpiryMs', options.requestExpiryMs, 30 * 60 * 1000),
    chargeExpiryMs: nonNegative('chargeExpiryMs', options.chargeExpiryMs, 30 * 60 * 1000),
    slowIssuerMs: nonNegative('slowIssuerMs', options.slowIssuerMs, 3000),
    latencyMs: nonNegative('latencyMs', options.latencyMs, 0),
    payjsLatencyMs: nonNegative('payjsLatencyMs', options.payjsLatencyMs, 0),
    now: options.now ?? Date.now,
    payjs: resolvePayjsDefaults(options),
    secondFinish: oneOf('secondFinish', options.secondFinish, SECOND_FINISH_ANSWERS, 'invalid_three_d_secure_state'),
    failedFinish: oneOf('failedFinish', options.failedFinish, FAILED_FINISH_CODES, 'three_d_secure_incompleted'),
    tokenThreeDSecure: oneOf('tokenThreeDSecure', options.tokenThreeDSecure, ['param', 'always'], 'param'),
    rateLimit: rateLimitOf(options.rateLimit),
  };
}
