export { ThreeDSecureError, isThreeDSecureError, toThreeDSecureError } from './errors';
export type { ThreeDSecureErrorCode, ThreeDSecureErrorDetails } from './errors';
export { MESSAGES, getErrorMessage, getMessage } from './messages';
export type { Locale, MessageCatalog, MessageKey, MessageOverrides, StatusMessageKey } from './messages';

export { parseAcsHtml } from './acs/parseAcsHtml';
export { submitAcsForm } from './acs/submitAcsForm';
export { isAllowedActionUrl } from './acs/isAllowedActionUrl';
export type { AcsFormEnctype, ParsedAcsForm, ParseAcsHtmlOptions, SubmitAcsFormOptions } from './acs/types';

export { createKurocoBackend, readDefaultPaymentStatus } from './kuroco/createKurocoBackend';
export { parseKurocoError } from './kuroco/parseKurocoError';
export { purchaseWithThreeDSecure } from './kuroco/purchaseWithThreeDSecure';
export type {
  KurocoAuth,
  KurocoBackend,
  KurocoBackendOptions,
  KurocoAddress,
  KurocoOrderInput,
  KurocoOrderProduct,
  KurocoPaths,
  KurocoPaymentStatus,
  KurocoPurchaseResult,
} from './kuroco/types';

export { ATTEMPT_STORAGE_KEY, createAttemptStore } from './attempt/attemptStore';
export type { AttemptOutcome, AttemptStore, KurocoAttempt, PayjpAttempt, SavedAttempt } from './attempt/attemptStore';
export { DEFAULT_POLL_DELAYS_MS, createReturnFlow } from './return/createReturnFlow';
export type { ReturnFlow, ReturnFlowOptions, ReturnRead, ReturnStrategy, ReturnSubject, ThreeDSecureReturnState } from './return/createReturnFlow';
export { createKurocoReturnFlow, kurocoReturnStrategy } from './return/kurocoReturnStrategy';
export type { KurocoReturnFlowOptions } from './return/kurocoReturnStrategy';
export { payjpReturnStrategy } from './return/payjpReturnStrategy';
export { assertSameOriginPath } from './returnPath';
export { createStore } from './store';
export type { ReadableStore, Store, StoreLifecycle } from './store';

export { PAYJS_URL, loadPayjp } from './payjp/loadPayjp';
export type { LoadPayjpOptions } from './payjp/loadPayjp';
export type { PayjpInitOptions, PayjpInstance, PayjpStatic, PayjsLocale, ThreeDSecureDialogOptions, ThreeDSecureWindowFeatures, ThreeDSecureWorkflow } from './payjp/payjs';
export { createPayjpBackend } from './payjp/createPayjpBackend';
export type { ChargeRequestInit, PayjpBackend, PayjpBackendOptions } from './payjp/createPayjpBackend';
export { DEFAULT_CARD_POLL_DELAYS_MS, createCardVerificationFlow } from './payjp/createCardVerificationFlow';
export { DEFAULT_FLOW_POLL_DELAYS_MS, createPayjpFlow } from './payjp/engine/createPayjpFlow';
export { verdictOf } from './payjp/verdictOf';
export type { PayjpVerdict, PayjpVerdictInput } from './payjp/verdictOf';
export { cardVerificationResource } from './payjp/engine/cardVerificationResource';
export { chargeResource } from './payjp/engine/chargeResource';
export { tokenResource } from './payjp/engine/tokenResource';
export type { StartVerifiedTokenOptions, VerifiedTokenState } from './payjp/engine/tokenResource';
export type {
  PayjpFlow,
  PayjpFlowSnapshot,
  PayjpLegacyStatus,
  PayjpRead,
  PayjpResource,
  PayjpResourceRef,
  PayjpRunContext,
  PayjpStep,
} from './payjp/engine/types';
export { deriveFlags } from './flow/createFlowStore';
export type { Flow, FlowCallbacks, FlowSnapshot, FlowStatus } from './flow/types';
export {
  CONFIRM_BACKOFF_FACTOR,
  CONFIRM_FIRST_DELAY_MS,
  CONFIRM_MAX_DELAY_MS,
  DEFAULT_CONFIRM_TIMEOUT_MS,
  STILL_CONFIRMING_AFTER_MS,
  confirmUntilFinal,
  isRetryableConfirmError,
} from './confirm/confirmUntilFinal';
export type { ConfirmOptions, ConfirmResult, ConfirmUntilFinalOptions } from './confirm/confirmUntilFinal';
export type { ResumeFilter } from './payjp/inPageAttempt';
export type { PayjpFlowOptions, RunnableFlow } from './payjp/engine/types';
export type {
  CardVerificationFlow,
  CardVerificationFlowOptions,
  CardVerificationState,
  CardVerificationStatus,
  StartCardVerificationOptions,
} from './payjp/createCardVerificationFlow';
export type {
  CardVerification,
  CardVerificationOutcome,
  PayjpProtocolError,
  PayjpProtocolErrorCode,
  PayjpThreeDSecureRequestState,
  PayjpThreeDSecureStatus,
} from './payjp/protocol';
export { assertPublicKey, createPayjpGetter } from './payjp/createPayjpGetter';
export type { PayjpGetterOptions } from './payjp/createPayjpGetter';

export { PAYGENT_TOKEN_JS_URL, loadPaygentToken } from './paygent/loadPaygentToken';
export type { LoadPaygentTokenOptions } from './paygent/loadPaygentToken';
export { createPaygentToken, paygentTokenError } from './paygent/createPaygentToken';
export type { CreatePaygentTokenOptions } from './paygent/createPaygentToken';
export { normalizePaygentCard, validatePaygentCard } from './paygent/card';
export type { PaygentCardErrors, ValidatePaygentCardOptions } from './paygent/card';
export { PAYGENT_TOKEN_RESULT_CODES, paygentResultInfo } from './paygent/resultCodes';
export type { PaygentResultInfo } from './paygent/resultCodes';
export { PAYGENT_MESSAGES, getPaygentErrorMessage, getPaygentMessage } from './paygent/messages';
export type { PaygentCardErrorKey, PaygentMessageCatalog, PaygentMessageKey, PaygentMessageOverrides } from './paygent/messages';
export type {
  PaygentCardField,
  PaygentCardInfo,
  PaygentCardInput,
  PaygentCardToken,
  PaygentTokenCallback,
  PaygentTokenConfig,
  PaygentTokenConstructor,
  PaygentTokenInstance,
  PaygentTokenResponse,
} from './paygent/types';
export { createChargeFlow } from './payjp/createChargeFlow';
export type { ChargeFlow, ChargeFlowOptions, ChargeState, ChargeStatus, StartChargeOptions } from './payjp/createChargeFlow';
export { createPayjpCard } from './payjp/createPayjpCard';
export type { CreateTokenOptions, PayjpCard, PayjpCardOptions, PayjpCardState, PayjpCardTargets } from './payjp/createPayjpCard';
export { createVerifiedToken } from './payjp/createVerifiedToken';
export type { CreateVerifiedTokenOptions, VerifiedTokenResult } from './payjp/createVerifiedToken';
export { toE164Phone } from './payjp/toE164Phone';
export { readPayjsTokenError } from './payjp/readPayjsTokenError';
export type {
  PayjpElementsApi,
  PayjsCardholder,
  PayjsElement,
  PayjsElementChangeEvent,
  PayjsElementOptions,
  PayjsElementType,
  PayjsElements,
  PayjsToken,
  PayjsTokenData,
  PayjsTokenError,
} from './payjp/payjs';
export type { ChargeOutcome, ChargeSummary, CreateChargeBody, TokenSummary } from './payjp/protocol';

export { emitEvent } from './events';
export type { ThreeDSecureEvent, ThreeDSecureEventBase, ThreeDSecureEventFlow, ThreeDSecureEventListener, ThreeDSecureEventType } from './events';
