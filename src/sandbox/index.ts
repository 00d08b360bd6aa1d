export { createSandbox } from './createSandbox';
export type { Sandbox, SandboxHandler, SandboxServer } from './createSandbox';
export type { KurocoSandboxAuth, KurocoSandboxOptions, KurocoSandboxPaths, SandboxOptions } from './options';
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
