// The public surface of `react-3ds-kit/core` (no React): the stable names of DESIGN.md, the names the
// README documents, and the types they need, grouped by provider. Everything else is internal; tests
// import internals by path.

// Errors and texts (both providers).
export { ThreeDSecureError, isThreeDSecureError, toThreeDSecureError } from './errors';
export type { ThreeDSecureErrorCode, ThreeDSecureErrorDetails } from './errors';
export { MESSAGES, getErrorMessage, getMessage } from './messages';
export type { Locale, MessageCatalog, MessageKey, MessageOverrides, StatusMessageKey } from './messages';

// The client the provider holds (both providers), and the flow contract every flow follows.
export { createThreeDSecureClient } from './client/createThreeDSecureClient';
export type { ThreeDSecureBackend, ThreeDSecureClient, ThreeDSecureClientOptions } from './client/createThreeDSecureClient';
export type { ClientRegistry } from './client/createClientRegistry';
export type { Flow, FlowCallbacks, FlowSnapshot, FlowStatus } from './flow/types';

// Monitoring: the typed events every flow reports (`onEvent`); ids, codes and timings only.
export type { ThreeDSecureEvent, ThreeDSecureEventBase, ThreeDSecureEventFlow, ThreeDSecureEventListener, ThreeDSecureEventType } from './events';

// Attempts saved across the 3-D Secure round trip, and the return page (both providers).
export { createAttemptStore } from './attempt/attemptStore';
export type { AttemptOutcome, AttemptStore, KurocoAttempt, PayjpAttempt, SavedAttempt } from './attempt/attemptStore';
export { createReturnFlow } from './return/createReturnFlow';
export type { ReturnFlow, ReturnFlowOptions, ReturnRead, ReturnStrategy, ReturnSubject, ThreeDSecureReturnState } from './return/createReturnFlow';

// Kuroco EC x Paygent: the backend, the purchase flow, the ACS hand-off, the return flow.
export { createKurocoBackend } from './kuroco/createKurocoBackend';
export { parseKurocoError } from './kuroco/parseKurocoError';
export { createKurocoPurchaseFlow } from './kuroco/createKurocoPurchaseFlow';
export type {
  KurocoOrderSource,
  KurocoPurchaseEvent,
  KurocoPurchaseFlow,
  KurocoPurchaseFlowOptions,
  KurocoPurchaseSnapshot,
  KurocoPurchaseStep,
} from './kuroco/kurocoPurchaseTypes';
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
export { createKurocoReturnFlow } from './return/kurocoReturnStrategy';
export type { KurocoReturnFlowOptions } from './return/kurocoReturnStrategy';
export { parseAcsHtml } from './acs/parseAcsHtml';
export { submitAcsForm } from './acs/submitAcsForm';
export { isAllowedActionUrl } from './acs/isAllowedActionUrl';
export type { AcsFormEnctype, ParsedAcsForm, ParseAcsHtmlOptions, SubmitAcsFormOptions } from './acs/types';

// Paygent card tokens (the card form of a Kuroco checkout).
export { PAYGENT_TOKEN_JS_URL, loadPaygentToken } from './paygent/loadPaygentToken';
export type { LoadPaygentTokenOptions } from './paygent/loadPaygentToken';
export { createPaygentToken } from './paygent/createPaygentToken';
export type { CreatePaygentTokenOptions } from './paygent/createPaygentToken';
export { normalizePaygentCard, validatePaygentCard } from './paygent/card';

export { CARDHOLDER_NAME_MAX_LENGTH, CARDHOLDER_NAME_MIN_LENGTH, normalizeCardholderName, validateCardholderName } from './card/cardholderName';
export type { CardholderNameErrorCode, FieldCheck } from './card/cardholderName';
export { CARDHOLDER_EMAIL_MAX_LENGTH, normalizeCardholderEmail, validateCardholderEmail } from './card/cardholderEmail';
export type { CardholderEmailErrorCode } from './card/cardholderEmail';
export { normalizeCardholderPhone, validateCardholderPhone } from './card/cardholderPhone';
export type { CardholderPhoneErrorCode } from './card/cardholderPhone';
export { validateCardholder } from './card/validateCardholder';
export type { CardholderCheck, CardholderErrorCode, CardholderField, CardholderInput, ValidateCardholderOptions } from './card/validateCardholder';
export { payjpFieldError } from './card/payjpCardFieldError';
export type { PayjpCardField, PayjpCardFieldErrorKey, PayjpFieldError } from './card/payjpCardFieldError';
export { CARD_FORM_MESSAGES, getCardFormMessage } from './card/cardFormMessages';
export type { CardFormMessageCatalog, CardFormMessageKey, CardFormMessageOverrides } from './card/cardFormMessages';
export { CARD_VERIFICATION_MESSAGES, getCardVerificationErrorMessage } from './payjp/cardVerificationMessages';
export type { PaygentCardErrors, ValidatePaygentCardOptions } from './paygent/card';
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

// PAY.JP: the loader, the backend, the flows (card verification, charge, token) and the protocol types.
export { PAYJS_URL, loadPayjp } from './payjp/loadPayjp';
export type { LoadPayjpOptions } from './payjp/loadPayjp';
export { createPayjsLoader } from './payjp/createPayjsLoader';
export type { PayjsLoader } from './payjp/createPayjsLoader';
export type { PayjpGetterOptions } from './payjp/createPayjpGetter';
export type {
  PayjpElementsApi,
  PayjpInitOptions,
  PayjpInstance,
  PayjpStatic,
  PayjsCardholder,
  PayjsElement,
  PayjsElementChangeEvent,
  PayjsElementOptions,
  PayjsElementType,
  PayjsElements,
  PayjsLocale,
  PayjsToken,
  PayjsTokenData,
  PayjsTokenError,
  ThreeDSecureDialogOptions,
  ThreeDSecureWindowFeatures,
  ThreeDSecureWorkflow,
} from './payjp/payjs';
export { createPayjpBackend } from './payjp/createPayjpBackend';
export type { ChargeRequestInit, PayjpBackend, PayjpBackendOptions } from './payjp/createPayjpBackend';
// The one PAY.JP engine and its resources (`tdsr_`, `ch_`, `tok_`); the named flows below are built on it.
export { createPayjpFlow } from './payjp/engine/createPayjpFlow';
export { cardVerificationResource } from './payjp/engine/cardVerificationResource';
export { chargeResource } from './payjp/engine/chargeResource';
export { tokenResource } from './payjp/engine/tokenResource';
export type { StartVerifiedTokenOptions, VerifiedTokenState } from './payjp/engine/tokenResource';
export type {
  PayjpFlow,
  PayjpFlowOptions,
  PayjpFlowSnapshot,
  PayjpLegacyStatus,
  PayjpRead,
  PayjpResource,
  PayjpResourceRef,
  PayjpRunContext,
  PayjpStep,
} from './payjp/engine/types';
export type { PayjpVerdict, PayjpVerdictInput } from './payjp/verdictOf';
export { createCardVerificationFlow } from './payjp/createCardVerificationFlow';
export type {
  CardVerificationFlow,
  CardVerificationFlowOptions,
  CardVerificationState,
  CardVerificationStatus,
  StartCardVerificationOptions,
} from './payjp/createCardVerificationFlow';
export { createChargeFlow } from './payjp/createChargeFlow';
export type { ChargeFlow, ChargeFlowOptions, ChargeState, ChargeStatus, StartChargeOptions } from './payjp/createChargeFlow';
export { createPayjpCard } from './payjp/createPayjpCard';
export type { CreateTokenOptions, PayjpCard, PayjpCardOptions, PayjpCardState, PayjpCardTargets } from './payjp/createPayjpCard';
export { createVerifiedToken } from './payjp/createVerifiedToken';
export type { CreateVerifiedTokenOptions, VerifiedTokenResult } from './payjp/createVerifiedToken';
export { toE164Phone } from './payjp/toE164Phone';
export type { ResumeFilter } from './payjp/inPageAttempt';
export type { ConfirmOptions } from './confirm/confirmUntilFinal';
export type {
  CardVerification,
  CardVerificationOutcome,
  ChargeOutcome,
  ChargeSummary,
  CreateChargeBody,
  PayjpProtocolError,
  PayjpProtocolErrorCode,
  PayjpThreeDSecureRequestState,
  PayjpThreeDSecureStatus,
  TokenSummary,
} from './payjp/protocol';

// Across tabs and visits.
export { createTabCoordinator } from './crossTab/createTabCoordinator';
export type { TabClaim, TabCoordinator, TabCoordinatorOptions, TabFollowEvent, TabFollower, TabOwner, TabUpdate } from './crossTab/types';
export { SETTLED_STORAGE_PREFIX, SETTLED_TTL_MS, createSettledRecords, orderTabKey } from './recovery/settledRecords';
export type { SettledRecord, SettledRecords } from './recovery/settledRecords';
export { ATTEMPT_REFERENCE_PARAM } from './recovery/attemptOutcome';
export type { AttemptOutcomeResponse } from './recovery/attemptOutcome';
export { readAttemptOutcome, readAttemptReference } from './recovery/readAttemptOutcome';
export type { ReadAttemptOutcomeOptions } from './recovery/readAttemptOutcome';
export { findPendingAttempt } from './recovery/findPendingAttempt';
export type { FindPendingAttemptOptions, PendingAttempt } from './recovery/findPendingAttempt';
