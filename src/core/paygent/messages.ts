import type { ThreeDSecureError } from '../errors';
import { getErrorMessage, type Locale, type MessageOverrides } from '../messages';
import { paygentResultInfo } from './resultCodes';

/** Texts of the Paygent card form and its errors (kept apart from the shared catalog in `core/messages.ts`). */
export type PaygentMessageKey =
  | 'paygent.legend'
  | 'paygent.cardNumber'
  | 'paygent.cardNumberHint'
  | 'paygent.expiry'
  | 'paygent.expiryHint'
  | 'paygent.cvc'
  | 'paygent.cvcHint'
  | 'paygent.name'
  | 'paygent.nameHint'
  | 'paygent.loading'
  | 'paygent.creating'
  | PaygentCardErrorKey
  | 'paygent.unsupportedBrowser'
  | 'paygent.maintenance';

/** The per-field error texts: what client-side checks and Paygent's 13xx–17xx codes map to. */
export type PaygentCardErrorKey =
  | 'paygent.cardNumber.required'
  | 'paygent.cardNumber.invalid'
  | 'paygent.expiry.required'
  | 'paygent.expiry.invalid'
  | 'paygent.expiry.outOfRange'
  | 'paygent.cvc.required'
  | 'paygent.cvc.invalid'
  | 'paygent.name.required'
  /** Kanji or kana: the name in romaji, as on the card. */
  | 'paygent.name.invalid'
  | 'paygent.name.characters'
  | 'paygent.name.tooLong'
  | 'paygent.name.tooShort';

export type PaygentMessageCatalog = Record<PaygentMessageKey, string>;

/** Overrides for some Paygent texts, per language. */
export type PaygentMessageOverrides = Partial<Record<Locale, Partial<PaygentMessageCatalog>>>;

const ja: PaygentMessageCatalog = {
  'paygent.legend': 'クレジットカード情報',
  'paygent.cardNumber': 'カード番号',
  'paygent.cardNumberHint': '半角数字（スペースやハイフンがあっても構いません）',
  'paygent.expiry': '有効期限（月/年）',
  'paygent.expiryHint': '例: 04/28',
  'paygent.cvc': 'セキュリティコード',
  'paygent.cvcHint': 'カード裏面（American Express は表面）の3桁または4桁の数字',
  'paygent.name': 'カード名義',
  'paygent.nameHint': 'カードに記載のとおり半角ローマ字で（例: TARO YAMADA）',
  'paygent.loading': 'カード決済の準備をしています…',
  'paygent.creating': 'カード情報を確認しています…',
  'paygent.cardNumber.required': 'カード番号を入力してください。',
  'paygent.cardNumber.invalid': 'カード番号が正しくありません。入力内容をご確認ください。',
  'paygent.expiry.required': '有効期限を入力してください。',
  'paygent.expiry.invalid': '有効期限は「月/年」の形式（例: 04/28）で入力してください。',
  'paygent.expiry.outOfRange': '有効期限が切れているか、正しくありません。カードの有効期限をご確認ください。',
  'paygent.cvc.required': 'セキュリティコードを入力してください。',
  'paygent.cvc.invalid': 'セキュリティコードは3桁または4桁の半角数字で入力してください。',
  'paygent.name.required': 'カード名義を入力してください。',
  'paygent.name.invalid': 'カード名義は半角ローマ字で入力してください。',
  'paygent.name.characters': 'カード名義に使えない文字が含まれています。半角英字、スペース、ピリオド（.）、ハイフン（-）、アポストロフィ（\'）で入力してください。',
  'paygent.name.tooLong': 'カード名義は45文字以内で入力してください。',
  'paygent.name.tooShort': 'カード名義が短すぎます。カードに記載のとおり入力してください。',
  'paygent.unsupportedBrowser': 'お使いのブラウザはカード情報の送信に対応していません。別のブラウザでお試しください。',
  'paygent.maintenance': 'カード決済はただいまメンテナンス中です。しばらくしてからもう一度お試しください。',
};

const en: PaygentMessageCatalog = {
  'paygent.legend': 'Card details',
  'paygent.cardNumber': 'Card number',
  'paygent.cardNumberHint': 'Digits only (spaces and dashes are fine)',
  'paygent.expiry': 'Expiry date (MM/YY)',
  'paygent.expiryHint': 'e.g. 04/28',
  'paygent.cvc': 'Security code',
  'paygent.cvcHint': 'The 3 or 4 digits on the back of the card (front for American Express)',
  'paygent.name': 'Name on card',
  'paygent.nameHint': 'As printed on the card, in Latin letters (e.g. TARO YAMADA)',
  'paygent.loading': 'Preparing card payment…',
  'paygent.creating': 'Checking your card details…',
  'paygent.cardNumber.required': 'Enter the card number.',
  'paygent.cardNumber.invalid': 'The card number is not valid. Please check it.',
  'paygent.expiry.required': 'Enter the expiry date.',
  'paygent.expiry.invalid': 'Enter the expiry date as MM/YY (e.g. 04/28).',
  'paygent.expiry.outOfRange': 'The card has expired or the expiry date is not valid. Please check it.',
  'paygent.cvc.required': 'Enter the security code.',
  'paygent.cvc.invalid': 'The security code is 3 or 4 digits.',
  'paygent.name.required': 'Enter the name on the card.',
  'paygent.name.invalid': 'Enter the name in Latin letters, as printed on the card.',
  'paygent.name.characters': 'The name contains characters that cannot be used. Use letters, spaces, periods (.), hyphens (-) and apostrophes (\').',
  'paygent.name.tooLong': 'Enter at most 45 characters for the name.',
  'paygent.name.tooShort': 'The name is too short. Enter it as printed on the card.',
  'paygent.unsupportedBrowser': 'This browser cannot send card details. Please try another browser.',
  'paygent.maintenance': 'Card payments are under maintenance. Please try again later.',
};

/** The built-in Paygent texts. */
export const PAYGENT_MESSAGES: Readonly<Record<Locale, PaygentMessageCatalog>> = { ja, en };

/** One Paygent text, with the caller's overrides first. */
export function getPaygentMessage(key: PaygentMessageKey, locale: Locale = 'ja', overrides?: PaygentMessageOverrides): string {
  return overrides?.[locale]?.[key] ?? PAYGENT_MESSAGES[locale][key];
}

/**
 * The shopper-facing text for an error from {@link createPaygentToken}: the field's text for card
 * errors (1300–1700), a specific text for 7000 / 8000, else the kit's text for the error code.
 */
export function getPaygentErrorMessage(
  error: ThreeDSecureError,
  locale: Locale = 'ja',
  overrides?: PaygentMessageOverrides,
  kitOverrides?: MessageOverrides,
): string {
  const info = error.providerCode === undefined ? undefined : paygentResultInfo(error.providerCode);
  if (info?.message) return getPaygentMessage(info.message, locale, overrides);
  return getErrorMessage(error, locale, kitOverrides);
}
