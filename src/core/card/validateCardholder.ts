import { validateCardholderEmail, type CardholderEmailErrorCode } from './cardholderEmail';
import { validateCardholderName, type CardholderNameErrorCode } from './cardholderName';
import { validateCardholderPhone, type CardholderPhoneErrorCode } from './cardholderPhone';

/** The cardholder details PAY.JP asks for with 3-D Secure. */
export type CardholderField = 'name' | 'email' | 'phone';

/** Every reason a cardholder field is refused. */
export type CardholderErrorCode =
  | CardholderNameErrorCode
  | CardholderEmailErrorCode
  | CardholderPhoneErrorCode
  /** Neither an e-mail address nor a phone number: PAY.JP needs one of them for 3-D Secure. Reported on `email`. */
  | 'contact.required';

/** The details as typed. */
export interface CardholderInput {
  /** The name on the card, in romaji. */
  name?: string;
  /** An e-mail address of the cardholder. */
  email?: string;
  /** A phone number of the cardholder; a leading 0 is Japanese (+81). */
  phone?: string;
}

/** What {@link validateCardholder} requires. */
export interface ValidateCardholderOptions {
  /** The name must be given. @default true */
  requireName?: boolean;
  /** An e-mail address or a phone number must be given. @default true */
  requireContact?: boolean;
  /** The country code a phone number starting with 0 belongs to. @default '81' (Japan) */
  defaultCountryCode?: string;
}

/** The normalised details and the problem of each field (empty when all is well). */
export interface CardholderCheck {
  /** No field has a problem: `values` can be sent. */
  ok: boolean;
  /** The details as they should be shown and sent (normalised; empty strings for fields left empty). */
  values: Required<CardholderInput>;
  /** The problem of each field that has one. */
  errors: Partial<Record<CardholderField, CardholderErrorCode>>;
}

/**
 * Checks the three fields together the way PAY.JP's 3-D Secure needs them: the name, plus an
 * e-mail address or a phone number ("2024年8月以降、3Dセキュア認証の際にphoneまたはemailのデータ入力が求められます").
 * A filled field is checked even when it is optional.
 */
export function validateCardholder(input: CardholderInput, options: ValidateCardholderOptions = {}): CardholderCheck {
  const name = validateCardholderName(input.name ?? '');
  const email = validateCardholderEmail(input.email ?? '');
  const phone = validateCardholderPhone(input.phone ?? '', options.defaultCountryCode);
  const errors: CardholderCheck['errors'] = {};
  if (!name.ok && (name.value !== '' || (options.requireName ?? true))) errors.name = name.code;
  if (!email.ok) errors.email = email.code;
  if (!phone.ok) errors.phone = phone.code;
  if ((options.requireContact ?? true) && email.value === '' && phone.value === '') errors.email = 'contact.required';
  return { ok: Object.keys(errors).length === 0, values: { name: name.value, email: email.value, phone: phone.value }, errors };
}
