import type { ThreeDSecureError } from '../errors';
import type { CardholderField } from './validateCardholder';

/** A payjs card field: the combined `card` field, or one of the split ones. */
export type PayjpCardField = 'card' | 'number' | 'expiry' | 'cvc';

/** The per-field texts for payjs's card field errors. */
export type PayjpCardFieldErrorKey =
  | 'number.invalid'
  | 'number.incomplete'
  | 'expiry.invalid'
  | 'expiry.past'
  | 'expiry.incomplete'
  | 'cvc.invalid'
  | 'cvc.incomplete'
  | 'card.invalid'
  | 'card.incomplete'
  /** PAY.JP refused the cardholder name it was sent. */
  | 'name.rejected'
  | 'email.invalid'
  | 'phone.invalid';

/** Where an error belongs on a PAY.JP card form, and the text to show there. */
export interface PayjpFieldError {
  /** The field the message goes under. */
  field: PayjpCardField | CardholderField;
  /** The text to show there (`getCardFormMessage(key, locale)`). */
  key: PayjpCardFieldErrorKey;
}

// `field` as the kit sets it (payjs element), and PAY.JP's `param` for the API's card checks.
const FIELD_NAMES: Readonly<Record<string, PayjpCardField | CardholderField>> = {
  card: 'card',
  number: 'number',
  expiry: 'expiry',
  cvc: 'cvc',
  name: 'name',
  email: 'email',
  phone: 'phone',
  'card[number]': 'number',
  'card[exp_month]': 'expiry',
  'card[exp_year]': 'expiry',
  'card[cvc]': 'cvc',
  'card[name]': 'name',
  'card[email]': 'email',
  'card[phone]': 'phone',
};

// PAY.JP's card-data codes: a decline with one of these is still the shopper's typing.
const CARD_DATA_CODE = /^(invalid_|incomplete_|incorrect_)|^expired_card$/;

function fieldFromCode(code: string): PayjpCardField | null {
  if (code.includes('number')) return 'number';
  if (code.includes('expir')) return 'expiry';
  if (code.includes('cvc')) return 'cvc';
  return null;
}

/**
 * Maps a card error (payjs's live field check, or createToken's answer) to the field it is about:
 * the element it came from, PAY.JP's `param`, or what the code names (`invalid_cvc` → `cvc`). An
 * `invalid_card` error that names no field belongs to the card as a whole. Null for errors that
 * are not about what was typed (network, backend, a plain decline): those stay in the status alert.
 */
export function payjpFieldError(error: Pick<ThreeDSecureError, 'code' | 'field' | 'providerCode'> | null | undefined): PayjpFieldError | null {
  if (!error) return null;
  const providerCode = error.providerCode ?? '';
  const cardData = error.code === 'invalid_card' || (error.code === 'card_declined' && CARD_DATA_CODE.test(providerCode));
  if (!cardData) return null;
  const named = error.field === undefined ? undefined : FIELD_NAMES[error.field];
  const field = named ?? fieldFromCode(providerCode) ?? 'card';
  if (field === 'name') return { field, key: 'name.rejected' };
  if (field === 'email' || field === 'phone') return { field, key: `${field}.invalid` };
  // A split field's `incomplete_error` does not say which part; the element it came from does.
  const part = field === 'card' ? fieldFromCode(providerCode) : field;
  const incomplete = providerCode.startsWith('incomplete');
  if (part === 'expiry' && (providerCode.endsWith('_past') || providerCode === 'expired_card')) return { field, key: 'expiry.past' };
  if (part === null) return { field, key: incomplete ? 'card.incomplete' : 'card.invalid' };
  return { field, key: `${part}.${incomplete ? 'incomplete' : 'invalid'}` };
}
