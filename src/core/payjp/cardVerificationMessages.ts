import type { ThreeDSecureError, ThreeDSecureErrorCode } from '../errors';
import { getErrorMessage, type Locale, type MessageOverrides } from '../messages';

/**
 * Error texts for customer-card 3-D Secure (`<VerifyCardButton>`, the card's return page). No
 * payment exists there, so the shared texts that speak of one (「お支払いは完了していません」, "You
 * have not been charged") are replaced; the others are shared.
 */
export const CARD_VERIFICATION_MESSAGES: Readonly<Record<Locale, Partial<Record<ThreeDSecureErrorCode, string>>>> = {
  ja: {
    three_d_secure_failed: '3Dセキュア認証に失敗したか、時間切れになりました。カードの本人認証は完了していません。もう一度お試しください。',
    authorization_failed: '3Dセキュア認証後、カードの確認が得られませんでした。別のカードでお試しください。',
    status_unknown: 'カードの本人認証の結果をまだ確認できません。しばらくしてからもう一度確認してください。',
    no_pending_attempt: '確認中のカードの本人認証が見つかりませんでした。もう一度お試しください。',
    payjs_load_failed: 'カードの本人認証の準備ができませんでした。通信環境を確認して、ページを再読み込みしてください。',
    misconfigured: 'カードの本人認証の設定に問題があります。ショップにお問い合わせください。',
  },
  en: {
    three_d_secure_failed: '3-D Secure authentication failed or timed out. The card has not been verified. Please try again.',
    authorization_failed: 'The card could not be confirmed after 3-D Secure. Please try another card.',
    status_unknown: 'The card verification result is not available yet. Please check again in a moment.',
    no_pending_attempt: 'No card verification in progress was found. Please try again.',
    payjs_load_failed: 'Card verification could not be prepared. Please check your connection and reload the page.',
    misconfigured: 'Card verification is not configured correctly. Please contact the shop.',
  },
};

/**
 * The shopper-facing text for an error of a card verification. The app's own override for the code
 * (the provider's `messages`) wins, then the card wording, then the shared catalog.
 */
export function getCardVerificationErrorMessage(error: ThreeDSecureError, locale: Locale = 'ja', overrides?: MessageOverrides): string {
  const own = overrides?.[locale];
  if (own && Object.hasOwn(own, error.code)) return getErrorMessage(error, locale, overrides);
  return CARD_VERIFICATION_MESSAGES[locale][error.code] ?? getErrorMessage(error, locale, overrides);
}
