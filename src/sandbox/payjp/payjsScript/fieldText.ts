/** The card fields of an element. */
export type Field = 'number' | 'expiry' | 'cvc';

/** A field check's finding (a key of {@link FieldText}). */
export type FieldCheckCode =
  | 'invalid_number'
  | 'incomplete_number'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year'
  | 'invalid_expiry_month_past'
  | 'invalid_expiry_year_past'
  | 'incomplete_expiry'
  | 'invalid_cvc'
  | 'incomplete_cvc';

/** Labels and messages of the elements and createToken. */
export type FieldText = Record<Field | FieldCheckCode | 'invalid_element' | 'network_error', string>;

/** The element texts by locale. */
export const FIELD_TEXT: Record<'ja' | 'en', FieldText> = {
  ja: {
    number: 'カード番号',
    expiry: '有効期限 (MM/YY)',
    cvc: 'セキュリティコード',
    invalid_number: 'カード番号が正しくありません。',
    incomplete_number: 'カード番号が入力途中です。',
    invalid_expiry_month: '有効期限の月が正しくありません。',
    invalid_expiry_year: '有効期限の年が正しくありません。',
    invalid_expiry_month_past: '有効期限が過ぎています。',
    invalid_expiry_year_past: '有効期限の年が過ぎています。',
    incomplete_expiry: '有効期限が入力途中です。',
    invalid_cvc: 'セキュリティコードが正しくありません。',
    incomplete_cvc: 'セキュリティコードが入力途中です。',
    invalid_element: 'マウントされた payjs のカード入力欄を渡してください。',
    network_error: 'PAY.JP に接続できませんでした。',
  },
  en: {
    number: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    cvc: 'Security code',
    invalid_number: 'Your card number is invalid.',
    incomplete_number: 'Your card number is incomplete.',
    invalid_expiry_month: 'Your card expiry month is invalid.',
    invalid_expiry_year: 'Your card expiry year is invalid.',
    invalid_expiry_month_past: 'Your card has expired.',
    invalid_expiry_year_past: 'Your card expiry year is in the past.',
    incomplete_expiry: 'Your card expiry date is incomplete.',
    invalid_cvc: 'Your security code is invalid.',
    incomplete_cvc: 'Your security code is incomplete.',
    invalid_element: 'Pass a mounted payjs card element.',
    network_error: 'Could not reach PAY.JP.',
  },
};
