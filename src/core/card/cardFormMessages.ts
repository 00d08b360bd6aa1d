import type { Locale } from '../messages';
import { CARDHOLDER_NAME_MAX_LENGTH } from './cardholderName';
import type { PayjpCardFieldErrorKey } from './payjpCardFieldError';
import type { CardholderErrorCode } from './validateCardholder';

/** Texts of the PAY.JP card form's fields: each field's problems and the 3-D Secure consent. */
export type CardFormMessageKey =
  | CardholderErrorCode
  | PayjpCardFieldErrorKey
  /** The consent checkbox's default label. */
  | 'consent.label'
  /** Shown under the consent checkbox when the shopper pays without ticking it. */
  | 'consent.required';

/** Every card form text of one language. */
export type CardFormMessageCatalog = Record<CardFormMessageKey, string>;

/** Overrides for some card form texts, per language. */
export type CardFormMessageOverrides = Partial<Record<Locale, Partial<CardFormMessageCatalog>>>;

// The consent wording: PAY.JP's documents in this project say the name and an e-mail or phone are
// needed for 3-D Secure and are given to payjs createToken, but they do not give the wording PAY.JP
// asks merchants to show. This default says what happens to the data; merchants should replace it
// with their own privacy wording (the `consent.label` prop of <PayjpCheckout>).
const ja: CardFormMessageCatalog = {
  'name.required': 'カード名義を入力してください。',
  'name.tooShort': 'カード名義が短すぎます。カードに記載のとおり入力してください。',
  'name.tooLong': `カード名義は${CARDHOLDER_NAME_MAX_LENGTH}文字以内で入力してください。`,
  'name.notRomaji': 'カード名義は、カードに記載のとおりローマ字（半角英字）で入力してください。例: TARO YAMADA',
  'name.invalidCharacters': 'カード名義に使えない文字が含まれています。半角英字、スペース、ピリオド（.）、ハイフン（-）、アポストロフィ（\'）で入力してください。',
  'name.rejected': 'カード名義を受け付けられませんでした。カードに記載のとおりローマ字で入力してください。',
  'email.invalid': 'メールアドレスの形式が正しくありません。例: taro@example.jp',
  'email.tooLong': 'メールアドレスが長すぎます。',
  'phone.invalid': '電話番号が正しくありません。例: 090-1234-5678',
  'contact.required': '本人認証（3Dセキュア）のため、メールアドレスか電話番号のどちらかを入力してください。',
  'number.invalid': 'カード番号が正しくありません。',
  'number.incomplete': 'カード番号を最後まで入力してください。',
  'expiry.invalid': '有効期限が正しくありません。',
  'expiry.past': '有効期限が過ぎています。',
  'expiry.incomplete': '有効期限を最後まで入力してください。',
  'cvc.invalid': 'セキュリティコードが正しくありません。',
  'cvc.incomplete': 'セキュリティコードを最後まで入力してください。',
  'card.invalid': 'カード情報に誤りがあります。入力内容をご確認ください。',
  'card.incomplete': 'カード情報を最後まで入力してください。',
  'consent.label': '入力したカード名義・メールアドレス・電話番号を、本人認証（3Dセキュア）のために PAY.JP を通じてカード発行会社へ提供することに同意します。',
  'consent.required': '続けるには、本人認証のための情報提供に同意してください。',
};

const en: CardFormMessageCatalog = {
  'name.required': 'Enter the name on the card.',
  'name.tooShort': 'The name is too short. Enter it as printed on the card.',
  'name.tooLong': `Enter at most ${CARDHOLDER_NAME_MAX_LENGTH} characters for the name.`,
  'name.notRomaji': 'Enter the name in Latin letters (romaji), as printed on the card. For example: TARO YAMADA',
  'name.invalidCharacters': 'The name contains characters that cannot be used. Use letters, spaces, periods (.), hyphens (-) and apostrophes (\').',
  'name.rejected': 'The name was not accepted. Enter it in Latin letters, as printed on the card.',
  'email.invalid': 'The e-mail address is not valid. For example: taro@example.jp',
  'email.tooLong': 'The e-mail address is too long.',
  'phone.invalid': 'The phone number is not valid. For example: 090-1234-5678',
  'contact.required': 'For 3-D Secure, enter an e-mail address or a phone number.',
  'number.invalid': 'The card number is not valid.',
  'number.incomplete': 'The card number is incomplete.',
  'expiry.invalid': 'The expiry date is not valid.',
  'expiry.past': 'The card has expired.',
  'expiry.incomplete': 'The expiry date is incomplete.',
  'cvc.invalid': 'The security code is not valid.',
  'cvc.incomplete': 'The security code is incomplete.',
  'card.invalid': 'Some card details are not valid. Please check them.',
  'card.incomplete': 'The card details are incomplete.',
  'consent.label': 'I agree that the name on the card, e-mail address and phone number I entered are given to my card issuer through PAY.JP for 3-D Secure authentication.',
  'consent.required': 'To continue, agree to share these details for 3-D Secure authentication.',
};

/** The built-in card form texts. */
export const CARD_FORM_MESSAGES: Readonly<Record<Locale, CardFormMessageCatalog>> = { ja, en };

/** One card form text, with the caller's overrides first. */
export function getCardFormMessage(key: CardFormMessageKey, locale: Locale = 'ja', overrides?: CardFormMessageOverrides): string {
  const override = overrides?.[locale];
  return (override && Object.hasOwn(override, key) ? override[key] : undefined) ?? CARD_FORM_MESSAGES[locale][key];
}
