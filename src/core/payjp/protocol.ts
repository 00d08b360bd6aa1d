/**
 * The JSON protocol between `createPayjpBackend` (browser) and `createPayjpHandler` (server).
 * All paths are relative to the handler's base URL; bodies are JSON; every error answer is
 * `{ "error": PayjpProtocolError }` with a meaningful HTTP status.
 *
 * - `POST   /card-verifications`              `{ cardId }`                → 201 `{ verification }`
 * - `GET    /card-verifications/{tdsr_id}`                                 → 200 `{ verification }`
 * - `POST   /card-verifications/{tdsr_id}/redirect` `{ returnUrl? }`       → 200 `{ url }`
 *
 * The server decides everything that matters: whose cards a request may touch
 * (`resolveCustomer`), whether `attempted` counts (`acceptAttempted`), which return URLs exist
 * (`returnUrls`). The browser only names a card, and reads outcomes.
 */

/** PAY.JP's `three_d_secure_status` (open: PAY.JP may add values). */
export type PayjpThreeDSecureStatus = 'unverified' | 'verified' | 'attempted' | 'failed' | 'error' | 'aborted' | (string & {});

/** PAY.JP's three_d_secure_request `state`. */
export type PayjpThreeDSecureRequestState = 'created' | 'in_progress' | 'result_received' | 'finished';

/**
 * The server's verdict on a verification:
 * - `pending`: no result yet (the challenge is open, or the issuer's result has not landed);
 * - `succeeded`: `verified`, or `attempted` when the server accepts it;
 * - `failed`: any other final status (the card stays usable: the app decides what to do);
 * - `expired`: `expired_at` is set before a result: start again.
 */
export type CardVerificationOutcome = 'pending' | 'succeeded' | 'failed' | 'expired';

/** A customer-card 3-D Secure request as the browser sees it. Times are Unix seconds. */
export interface CardVerification {
  /** `tdsr_…` */
  id: string;
  /** `car_…` */
  cardId: string;
  state: PayjpThreeDSecureRequestState;
  threeDSecureStatus: PayjpThreeDSecureStatus | null;
  outcome: CardVerificationOutcome;
  /** Set when `outcome` is `failed` because the server refuses `attempted`. */
  attemptedRefused?: boolean;
  createdAt: number;
  startedAt: number | null;
  resultReceivedAt: number | null;
  finishedAt: number | null;
  expiredAt: number | null;
}

/** Error codes the handler answers with (a subset of the kit's ThreeDSecureErrorCode). */
export type PayjpProtocolErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  /** 403: the request came from a page whose origin the handler does not serve (CSRF defence). */
  | 'origin_not_allowed'
  /** 415: a POST without `Content-Type: application/json` (CSRF defence). */
  | 'unsupported_media_type'
  | 'expired'
  | 'return_url_not_allowed'
  | 'backend_error'
  | 'misconfigured'
  | 'card_declined';

export interface PayjpProtocolError {
  code: PayjpProtocolErrorCode;
  /** For developers (English); shoppers get the kit's own messages. */
  message: string;
  /** PAY.JP's `error.code`, when PAY.JP caused it. */
  providerCode?: string;
  /** The request field at fault. */
  param?: string;
  /**
   * Set when the same request may succeed if sent again later (PAY.JP's rate limit, 429
   * `over_capacity`, answered as 503 with `Retry-After`): wait and retry, do not fail the attempt.
   */
  retryable?: true;
}

export interface CreateCardVerificationBody {
  cardId: string;
}

export interface CardVerificationResponse {
  verification: CardVerification;
}

export interface CreateRedirectBody {
  /** One of the handler's configured `returnUrls`; the first one when absent. */
  returnUrl?: string;
}

export interface RedirectResponse {
  /** PAY.JP's `/v1/tds/{id}/start` URL with `publickey` and a signed `back_url`. */
  url: string;
}

export interface PayjpProtocolErrorResponse {
  error: PayjpProtocolError;
}

/*
 * Charge-time and token-time 3-D Secure (支払い作成時 / トークン作成時):
 *
 * - `POST /charges`                  `{ token? , cardId?, order? }`  → 201 `{ charge }`
 *     The server decides the amount from `order` (its own reference, e.g. a cart id) through
 *     `resolveCharge(request, order)`; a browser-sent amount is never read. Pays with a fresh token
 *     (`tok_…`) or a saved card of the resolved customer (`car_…`). Creates the charge with
 *     `three_d_secure=true`.
 * - `GET  /charges/{ch_id}`                                          → 200 `{ charge }`
 * - `POST /charges/{ch_id}/finish`                                   → 200 `{ charge }`
 *     Re-reads the charge; calls `tds_finish` only for `verified` / `attempted` (policy), once: a
 *     second finish of a paid charge answers the paid charge. A decline at finish is 402
 *     `card_declined` (PAY.JP's code in `providerCode`); an expired flow is 409 `expired`.
 * - `POST /charges/{ch_id}/redirect` `{ returnUrl? }`                → 200 `{ url }`
 * - `POST /tokens/{tok_id}/finish`                                   → 200 `{ token }`
 *     Reads `card.three_d_secure_status`; calls `tokens/{id}/tds_finish` when the workflow left it
 *     unfinished (redirect); answers the verdict. The app then uses the token in its own flow.
 * - `POST /tokens/{tok_id}/redirect` `{ returnUrl? }`                → 200 `{ url }`
 */

/** The server's verdict on a charge under 3-D Secure. */
export type ChargeOutcome = 'pending' | 'succeeded' | 'failed' | 'expired';

/** A charge as the browser sees it. The amount is the server's, shown for display only. */
export interface ChargeSummary {
  /** `ch_…` */
  id: string;
  amount: number;
  currency: string;
  paid: boolean;
  captured: boolean;
  threeDSecureStatus: PayjpThreeDSecureStatus | null;
  outcome: ChargeOutcome;
  /** Set when `outcome` is `failed` because the server refuses `attempted`. */
  attemptedRefused?: boolean;
  /** PAY.JP's `failure_code` when the card was declined. */
  failureCode?: string | null;
  createdAt: number;
  /** Guest checkout: copied by the client from `ChargeResponse.chargeTag`. */
  chargeTag?: string;
}

/** A token as the browser sees it after token 3-D Secure. */
export interface TokenSummary {
  /** `tok_…` */
  id: string;
  threeDSecureStatus: PayjpThreeDSecureStatus | null;
  outcome: ChargeOutcome;
  attemptedRefused?: boolean;
}

export interface CreateChargeBody {
  /** A fresh token from payjs `createToken`. */
  token?: string;
  /** Or a saved card of the signed-in customer. */
  cardId?: string;
  /** The app's own reference to what is bought (a cart id, a plan code); the server prices it. */
  order?: unknown;
}

export interface ChargeResponse {
  charge: ChargeSummary;
  /**
   * Guest checkout only (`allowGuestCharges`): ties the charge to this browser. Send it back as the
   * `x-react3ds-charge-tag` header on the charge's other routes.
   */
  chargeTag?: string;
}

export interface TokenResponse {
  token: TokenSummary;
}
