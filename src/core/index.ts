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
  KurocoOrderInput,
  KurocoOrderProduct,
  KurocoPaths,
  KurocoPaymentStatus,
  KurocoPurchaseResult,
} from './kuroco/types';

export { ATTEMPT_STORAGE_KEY, createAttemptStore } from './attempt/attemptStore';
export type { AttemptOutcome, AttemptStore, KurocoAttempt, SavedAttempt } from './attempt/attemptStore';
export { DEFAULT_POLL_DELAYS_MS, createKurocoReturnFlow } from './return/createKurocoReturnFlow';
export type { KurocoReturnFlow, KurocoReturnFlowOptions, ThreeDSecureReturnState } from './return/createKurocoReturnFlow';
export { assertSameOriginPath } from './returnPath';
export { createStore } from './store';
export type { ReadableStore, Store, StoreLifecycle } from './store';
