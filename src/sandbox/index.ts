export { createSandbox } from './createSandbox';
export type { Sandbox, SandboxHandler, SandboxServer } from './createSandbox';
export type { KurocoSandboxAuth, KurocoSandboxAuthentication, KurocoSandboxOptions, KurocoSandboxPaths, PayjpSandboxOptions, SandboxOptions } from './options';
export type { FailedFinishCode as PayjpSandboxFailedFinishCode, SecondFinishAnswer as PayjpSandboxSecondFinishAnswer } from './options';
export { SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from './payjp/options';
export { PAYJP_CHALLENGE_OUTCOMES, PAYJP_SANDBOX_TDS_CARDS } from './payjp/outcomes';
export type { PayjpChallengeOutcome, SandboxTdsBehaviour, ThreeDSecureStatus as PayjpSandboxThreeDSecureStatus } from './payjp/outcomes';
export { PAYJP_CHARGE_ERROR_CARDS, PAYJP_TOKEN_ERROR_CARDS } from './payjp/cards';
export type { PayjpErrorBody, PayjpErrorType } from './payjp/errors';
export {
  PAYJP_SANDBOX_BANNER,
  PAYJP_SANDBOX_MESSAGE_SOURCE,
  TDS_CANCELED_MESSAGE as PAYJP_SANDBOX_CANCELED_MESSAGE,
  TDS_COMPLETE_MESSAGE as PAYJP_SANDBOX_COMPLETE_MESSAGE,
} from './payjp/pages';
export { PAYJS_PATH as PAYJP_SANDBOX_PAYJS_PATH } from './payjp/payjs';
export { sandboxPresets } from './presets';
export type { SandboxPresetName, SandboxPresets } from './presets';
export { sandboxVitePlugin } from './vitePlugin';
export type { SandboxVitePlugin } from './vitePlugin';
export {
  SANDBOX_COUPON_CODE,
  SANDBOX_COUPON_PERCENT,
  SANDBOX_COUPON_PRODUCT_IDS,
  SANDBOX_PAYMENT_IDS,
  SANDBOX_PAYMENTS,
  SANDBOX_PRODUCT_IDS,
  SANDBOX_PRODUCTS,
} from './kuroco/catalog';
export type { SandboxDelivery, SandboxPayment, SandboxProduct, SandboxRelease } from './kuroco/catalog';
export type { KurocoErrorCode, KurocoErrorItem } from './kuroco/envelope';
export { MIXED_ORDER_MESSAGE } from './kuroco/mixedOrder';
export { PURCHASE_COMPLETED_MESSAGE } from './kuroco/purchase';
export { SANDBOX_SESSION_COOKIE } from './kuroco/auth';
export type { KurocoSandboxOrderDetails, KurocoSandboxOrderProduct, KurocoSandboxPaymentStatus } from './kuroco/types';
export { SANDBOX_CHALLENGE_OUTCOMES } from './paygent/sessions';
export type { SandboxChallengeOutcome } from './paygent/sessions';
export { SANDBOX_BANNER } from './paygent/page';
export { PAYGENT_SANDBOX_RESULT_CARDS, SANDBOX_PAYGENT_HASH_KEY, SANDBOX_PAYGENT_MERCHANT_ID, SANDBOX_PAYGENT_TOKEN_KEY } from './paygent/token';
export { maskCardNumber as maskPaygentCardNumber, paygentTokenHash } from './paygent/tokenHash';
export type { PaygentTokenHashFields } from './paygent/tokenHash';
export { PAYGENT_TOKEN_JS_PATH as PAYGENT_SANDBOX_TOKEN_JS_PATH } from './paygent/tokenScript';
