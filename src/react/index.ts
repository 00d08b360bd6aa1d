'use client';
// The public surface of `react-3ds-kit` (the React layer), every name listed. The core names are
// re-exported below, grouped as in `react-3ds-kit/core`.

// The provider, its client and its one accessor (both providers).
export { ThreeDSecureProvider } from './ThreeDSecureProvider';
export type { ThreeDSecureBackend, ThreeDSecureContextValue, ThreeDSecureProviderProps } from './ThreeDSecureProvider';
export { useThreeDSecureContext } from './ThreeDSecureContext';
export type { ThreeDSecureContextState, ThreeDSecureProviderEvent } from './ThreeDSecureContext';
export { useThreeDSecureMessages } from './useThreeDSecureMessages';
export type { ThreeDSecureMessages } from './useThreeDSecureMessages';
export { useFlow } from './useFlow';

// The return page (both providers).
export { useThreeDSecureReturn } from './useThreeDSecureReturn';
export type { UseThreeDSecureReturnOptions, UseThreeDSecureReturnResult } from './useThreeDSecureReturn';
export { ThreeDSecureReturnStatus } from './ThreeDSecureReturnStatus';
export type { ThreeDSecureReturnStatusProps } from './ThreeDSecureReturnStatus';

// Kuroco EC x Paygent.
export { useKurocoPurchase } from './useKurocoPurchase';
export type { UseKurocoPurchaseOptions, UseKurocoPurchaseResult } from './useKurocoPurchase';
export { KurocoCheckout } from './KurocoCheckout';
export type { KurocoCheckoutProps } from './KurocoCheckout';
export { AcsFormAutoSubmit } from './AcsFormAutoSubmit';
export type { AcsFormAutoSubmitProps } from './AcsFormAutoSubmit';

// PAY.JP.
export { useThreeDSecure } from './useThreeDSecure';
export type { UseThreeDSecureOptions, UseThreeDSecureResult } from './useThreeDSecure';
export { VerifyCardButton } from './VerifyCardButton';
export type { VerifyCardButtonProps } from './VerifyCardButton';
export { usePayjpCard } from './usePayjpCard';
export type { UsePayjpCardResult, VerifiedTokenCallOptions } from './usePayjpCard';
export { PayjpCardElement } from './PayjpCardElement';
export type { PayjpCardElementProps } from './PayjpCardElement';
export { usePayjpCharge } from './usePayjpCharge';
export type { UsePayjpChargeOptions, UsePayjpChargeResult } from './usePayjpCharge';
export { PayjpCheckout } from './PayjpCheckout';
export type { PayjpCheckoutConsent, PayjpCheckoutProps } from './PayjpCheckout';

// Core: errors and texts, the client and the flow contract, attempts and the return flow.
export {
  MESSAGES,
  ThreeDSecureError,
  createAttemptStore,
  createReturnFlow,
  createThreeDSecureClient,
  getErrorMessage,
  getMessage,
  isThreeDSecureError,
  toThreeDSecureError,
} from '../core/index';
export type {
  AttemptOutcome,
  AttemptStore,
  ClientRegistry,
  Flow,
  FlowCallbacks,
  FlowSnapshot,
  FlowStatus,
  KurocoAttempt,
  Locale,
  MessageCatalog,
  MessageKey,
  MessageOverrides,
  PayjpAttempt,
  ReturnFlow,
  ReturnFlowOptions,
  ReturnRead,
  ReturnStrategy,
  ReturnSubject,
  SavedAttempt,
  StatusMessageKey,
  ThreeDSecureClient,
  ThreeDSecureClientOptions,
  ThreeDSecureErrorCode,
  ThreeDSecureErrorDetails,
  ThreeDSecureReturnState,
} from '../core/index';

// Core: Kuroco EC x Paygent.
export {
  PAYGENT_MESSAGES,
  PAYGENT_TOKEN_JS_URL,
  createKurocoBackend,
  createKurocoPurchaseFlow,
  createKurocoReturnFlow,
  createPaygentToken,
  getPaygentErrorMessage,
  getPaygentMessage,
  isAllowedActionUrl,
  loadPaygentToken,
  parseAcsHtml,
  parseKurocoError,
  purchaseWithThreeDSecure,
  submitAcsForm,
  validatePaygentCard,
} from '../core/index';
export type {
  AcsFormEnctype,
  CreatePaygentTokenOptions,
  KurocoAuth,
  KurocoBackend,
  KurocoBackendOptions,
  KurocoOrderInput,
  KurocoOrderProduct,
  KurocoOrderSource,
  KurocoPaths,
  KurocoPaymentStatus,
  KurocoPurchaseEvent,
  KurocoPurchaseFlow,
  KurocoPurchaseFlowOptions,
  KurocoPurchaseResult,
  KurocoPurchaseSnapshot,
  KurocoPurchaseStep,
  KurocoReturnFlowOptions,
  LoadPaygentTokenOptions,
  PaygentCardErrorKey,
  PaygentCardErrors,
  PaygentCardField,
  PaygentCardInfo,
  PaygentCardInput,
  PaygentCardToken,
  PaygentMessageCatalog,
  PaygentMessageKey,
  PaygentMessageOverrides,
  PaygentTokenCallback,
  PaygentTokenConfig,
  PaygentTokenConstructor,
  PaygentTokenInstance,
  PaygentTokenResponse,
  ParseAcsHtmlOptions,
  ParsedAcsForm,
  SubmitAcsFormOptions,
  ValidatePaygentCardOptions,
} from '../core/index';

// Core: PAY.JP.
export {
  PAYJS_URL,
  createCardVerificationFlow,
  createChargeFlow,
  createPayjpBackend,
  createPayjpCard,
  createPayjsLoader,
  createVerifiedToken,
  loadPayjp,
  toE164Phone,
} from '../core/index';
export type {
  CardVerification,
  CardVerificationFlow,
  CardVerificationFlowOptions,
  CardVerificationOutcome,
  CardVerificationState,
  CardVerificationStatus,
  ChargeFlow,
  ChargeFlowOptions,
  ChargeOutcome,
  ChargeRequestInit,
  ChargeState,
  ChargeStatus,
  ChargeSummary,
  ConfirmOptions,
  CreateChargeBody,
  CreateTokenOptions,
  CreateVerifiedTokenOptions,
  LoadPayjpOptions,
  PayjpBackend,
  PayjpBackendOptions,
  PayjpCard,
  PayjpCardOptions,
  PayjpCardState,
  PayjpCardTargets,
  PayjpElementsApi,
  PayjpGetterOptions,
  PayjpInitOptions,
  PayjpInstance,
  PayjpProtocolError,
  PayjpProtocolErrorCode,
  PayjpStatic,
  PayjpThreeDSecureRequestState,
  PayjpThreeDSecureStatus,
  PayjsCardholder,
  PayjsElement,
  PayjsElementChangeEvent,
  PayjsElementOptions,
  PayjsElementType,
  PayjsElements,
  PayjsLoader,
  PayjsLocale,
  PayjsToken,
  PayjsTokenData,
  PayjsTokenError,
  ResumeFilter,
  StartCardVerificationOptions,
  StartChargeOptions,
  ThreeDSecureDialogOptions,
  ThreeDSecureWindowFeatures,
  ThreeDSecureWorkflow,
  TokenSummary,
  VerifiedTokenResult,
} from '../core/index';
export { useTabClaim } from './useTabClaim';
export type { TabPaymentUpdate, UseTabClaimOptions, UseTabClaimResult } from './useTabClaim';
export { usePendingAttempt } from './usePendingAttempt';
export type { UsePendingAttemptOptions, UsePendingAttemptResult } from './usePendingAttempt';
export { PendingAttemptNotice } from './PendingAttemptNotice';
export type { PendingAttemptNoticeProps } from './PendingAttemptNotice';
export * from '../core/index';
export { usePaygentToken } from './usePaygentToken';
export type { UsePaygentTokenOptions, UsePaygentTokenResult } from './usePaygentToken';
export { PaygentCardForm } from './PaygentCardForm';
export type { PaygentCardFormProps } from './PaygentCardForm';
