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
  | 'expired'
  | 'return_url_not_allowed'
  | 'backend_error'
  | 'misconfigured';

export interface PayjpProtocolError {
  code: PayjpProtocolErrorCode;
  /** For developers (English); shoppers get the kit's own messages. */
  message: string;
  /** PAY.JP's `error.code`, when PAY.JP caused it. */
  providerCode?: string;
  /** The request field at fault. */
  param?: string;
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
