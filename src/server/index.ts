export { createPayjpHandler } from './createPayjpHandler';
export type {
  PayjpCardLike,
  PayjpChargeCreateQuery,
  PayjpChargeLike,
  PayjpClientLike,
  PayjpHandler,
  PayjpHandlerOptions,
  PayjpThreeDSecureRequestLike,
  PayjpTokenLike,
  ResolvedCharge,
} from './types';
export type { LedgerStore } from './ledgerStore';
export { createMemoryLedgerStore } from './createMemoryLedgerStore';
export type { MemoryLedgerStoreOptions } from './createMemoryLedgerStore';
export { reconcile } from './reconcile';
export { reconcileKurocoOrders } from './kuroco/reconcileKurocoOrders';
export type { KurocoOrderReport, ReconcileKurocoOrdersOptions, ReconcileKurocoOrdersResult } from './kuroco/reconcileKurocoOrders';
export type { ReconcileOptions, ReconcileResult, UnsettledAttempt, UnsettledReason } from './reconcile';
export type { PayjpEventListener, PayjpEventSource, PayjpHandlerEvent } from './handlerEvents';
export { assertTokenVerified } from './assertTokenVerified';
export type { AssertTokenVerifiedOptions } from './assertTokenVerified';
export { chargeOutcome, toChargeSummary, CHARGE_THREE_D_SECURE_WINDOW_MS } from './toChargeSummary';
export type { ChargeOutcomeOptions } from './toChargeSummary';
export { toTokenSummary } from './toTokenSummary';
export { CHARGE_TAG_HEADER } from './routes/loadOwnedCharge';
export type { CreateChargeResponse } from './routes/createCharge';
export { toNodeListener } from './toNodeListener';
export type { NodeListener, NodeListenerOptions } from './toNodeListener';
export { getNodeRequest } from './nodeRequest';
export { signBackUrl } from './signBackUrl';
export { ATTEMPT_REFERENCE_PARAM } from '../core/recovery/attemptOutcome';
export type { AttemptOutcomeResponse } from '../core/recovery/attemptOutcome';
export { toCardVerification } from './toCardVerification';
export type {
  CardVerification,
  CardVerificationOutcome,
  CardVerificationResponse,
  ChargeOutcome,
  ChargeResponse,
  ChargeSummary,
  CreateCardVerificationBody,
  CreateChargeBody,
  CreateRedirectBody,
  PayjpProtocolError,
  PayjpProtocolErrorCode,
  PayjpProtocolErrorResponse,
  PayjpThreeDSecureRequestState,
  PayjpThreeDSecureStatus,
  RedirectResponse,
  TokenResponse,
  TokenSummary,
} from '../core/payjp/protocol';
