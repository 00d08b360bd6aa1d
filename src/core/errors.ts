/**
 * Every failure the kit reports. Codes are stable: branch on them, show
 * `getErrorMessage(error, locale)` to the shopper.
 */
export type ThreeDSecureErrorCode =
  /** `out_acs_html` holds no form the kit can submit. */
  | 'acs_html_invalid'
  /** The ACS form's action is not https, or not in `allowedActionOrigins`. */
  | 'acs_action_not_allowed'
  /** The return URL is not a same-origin path from configuration. */
  | 'return_url_not_allowed'
  /** Kuroco refused a mixed cart (shipped + download, released + pre-order, coupon + no coupon) under 3-D Secure (HTTP 422). */
  | 'kuroco_mixed_order'
  /** The backend rejected the request as malformed (HTTP 400); `field` names the input when known. */
  | 'invalid_request'
  /** The backend needs authentication (HTTP 401; Kuroco's 403 too). */
  | 'unauthorized'
  /** The order or resource does not exist (HTTP 404). */
  | 'not_found'
  /** The backend answered with an error the kit has no specific code for (5xx, other 4xx). */
  | 'backend_error'
  /** The backend answered something that is not the documented shape. */
  | 'invalid_response'
  /** The request never got an answer: offline, DNS, CORS, connection reset. */
  | 'network_error'
  /** The request got no answer within the configured time. */
  | 'timeout'
  /** 3-D Secure authentication failed or timed out at the issuer (`dsec_error=1`). */
  | 'three_d_secure_failed'
  /** 3-D Secure passed but the card authorization after it failed; the order stays unpaid. */
  | 'authorization_failed'
  /** The outcome is not known yet: the order is still unconfirmed after polling. Check again later. */
  | 'status_unknown'
  /** The return page found no saved attempt (opened directly, or in another tab). */
  | 'no_pending_attempt'
  /** The kit is used in a way that cannot work (missing provider, wrong backend kind, bad options). */
  | 'misconfigured'
  /** pay.js could not be loaded (network, CSP `script-src`, ad blocker) or did not define `Payjp`. */
  | 'payjs_load_failed'
  /** The browser blocked the 3-D Secure sub-window and no fallback was allowed. */
  | 'popup_blocked'
  /** The shopper closed the 3-D Secure screen before the issuer answered. */
  | 'canceled'
  /** The 3-D Secure request or payment expired before it was completed: start again. */
  | 'expired'
  /** The signed-in shopper may not use this card or request (HTTP 403). */
  | 'forbidden'
  /** 3-D Secure ended as `attempted`, which the merchant's policy does not accept. */
  | 'attempted_not_accepted'
  /** The backend's 3-D Secure start URL is not on an allowed PAY.JP origin. */
  | 'start_url_not_allowed'
  /** The card issuer declined the payment (PAY.JP 402; `providerCode` says why, e.g. `card_declined`, `expired_card`). */
  | 'card_declined'
  /** The card details are incomplete or invalid (card form, token creation). `field` names the field. */
  | 'invalid_card';

/** Extra facts carried by a {@link ThreeDSecureError}. */
export interface ThreeDSecureErrorDetails {
  /** HTTP status of the backend answer, when there was one. */
  status?: number;
  /** The provider's own error code (Kuroco `errors[].code`, PAY.JP `error.code`). */
  providerCode?: string;
  /** The provider's own message, often already shopper-readable Japanese. */
  providerMessage?: string;
  /** The input field the provider blamed. */
  field?: string;
  /** Kuroco's `x-rcms-request-id`, for support requests. */
  requestId?: string;
  /** Order ids the failure concerns: they stay saved so nothing is lost. */
  orderIds?: readonly number[];
  /** The underlying exception. */
  cause?: unknown;
}

// The details copied onto the error, in the order they become own properties.
const DETAIL_KEYS = ['status', 'providerCode', 'providerMessage', 'field', 'requestId', 'orderIds'] as const;

/** The one error type the kit throws or puts in state. `code` says what happened. */
export class ThreeDSecureError extends Error {
  override readonly name = 'ThreeDSecureError';
  readonly code: ThreeDSecureErrorCode;
  // `declare`: no class-field code per detail; the constructor's loop sets them all.
  declare readonly status?: number;
  declare readonly providerCode?: string;
  declare readonly providerMessage?: string;
  declare readonly field?: string;
  declare readonly requestId?: string;
  declare readonly orderIds?: readonly number[];

  constructor(code: ThreeDSecureErrorCode, message: string, details: ThreeDSecureErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    // Each detail is an own property whether given or not (then undefined), as before.
    for (const key of DETAIL_KEYS) (this as Record<string, unknown>)[key] = details[key];
  }
}

/** True for errors produced by the kit (works across bundle copies, unlike `instanceof`). */
export function isThreeDSecureError(value: unknown): value is ThreeDSecureError {
  return value instanceof ThreeDSecureError || (value instanceof Error && value.name === 'ThreeDSecureError' && typeof (value as { code?: unknown }).code === 'string');
}

/** Wraps anything thrown into a ThreeDSecureError, keeping kit errors as they are. */
export function toThreeDSecureError(value: unknown, fallback: ThreeDSecureErrorCode = 'backend_error'): ThreeDSecureError {
  if (isThreeDSecureError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new ThreeDSecureError(fallback, message, { cause: value });
}
