import type { PaygentCardErrorKey } from './messages';
import type { PaygentCardField, PaygentCardInfo, PaygentCardInput } from './types';
import { luhn } from '../card/luhn';
import { normalizeCardholderName, validateCardholderName, type CardholderNameErrorCode } from '../card/cardholderName';

/** Full-width digits, slash and spaces (Japanese IMEs) to their ASCII forms. */
function halfWidth(value: string): string {
  return value.replace(/[\uFF10-\uFF19\uFF0F]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function twoDigits(value: string): string {
  return value.length === 1 ? `0${value}` : value;
}

function yearDigits(value: string): string {
  return value.length === 4 ? value.slice(2) : value;
}

/** Splits `MM/YY`, `MM / YY`, `M/YY`, `MMYY`, `MM/YYYY` or `MMYYYY` into month and year; null when it is none of these. */
function splitExpiry(expiry: string): { month: string; year: string } | null {
  const compact = halfWidth(expiry).replace(/\s+/g, '');
  const match = /^(\d{1,2})[/-](\d{2}|\d{4})$/.exec(compact) ?? /^(\d{2})(\d{2}|\d{4})$/.exec(compact);
  return match ? { month: match[1] ?? '', year: match[2] ?? '' } : null;
}

/**
 * Card input as PaygentToken.js takes it: the number without spaces or dashes, `expire_month` as
 * MM, `expire_year` as YY, the CVC and name trimmed. Values it cannot read are passed on as typed,
 * so Paygent's own check reports them.
 */
export function normalizePaygentCard(input: PaygentCardInput): PaygentCardInfo {
  let month = input.expire_month === undefined ? '' : halfWidth(String(input.expire_month)).trim();
  let year = input.expire_year === undefined ? '' : halfWidth(String(input.expire_year)).trim();
  if (input.expiry !== undefined && input.expiry.trim() !== '') {
    const split = splitExpiry(input.expiry);
    if (split) ({ month, year } = split);
    else month = year = halfWidth(input.expiry).trim();
  }
  const info: PaygentCardInfo = {
    card_number: halfWidth(input.card_number ?? '').replace(/[\s\-\u2010-\u2015\u2212\uFF0D]/g, ''),
    expire_month: /^\d{1,2}$/.test(month) ? twoDigits(month) : month,
    expire_year: /^(\d{2}|\d{4})$/.test(year) ? yearDigits(year) : year,
  };
  const cvc = halfWidth(input.cvc ?? '').trim();
  if (cvc !== '') info.cvc = cvc;
  // The same rules as PAY.JP's checkout: the name goes to the issuer for 3-D Secure either way.
  const name = normalizeCardholderName(input.name ?? '');
  if (name !== '') info.name = name;
  return info;
}


export interface ValidatePaygentCardOptions {
  /** Require the cardholder name (Paygent takes it as optional). @default true */
  requireName?: boolean;
  /** Clock for the expiry check (Japan time months). @default Date.now */
  now?: () => number;
}

/** Per-field problems found before anything is sent; empty when the card can be tokenised. */
export type PaygentCardErrors = Partial<Record<PaygentCardField, PaygentCardErrorKey>>;

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const NAME_ERROR: Record<CardholderNameErrorCode, PaygentCardErrorKey> = {
  'name.required': 'paygent.name.required',
  'name.notRomaji': 'paygent.name.invalid',
  'name.invalidCharacters': 'paygent.name.characters',
  'name.tooLong': 'paygent.name.tooLong',
  'name.tooShort': 'paygent.name.tooShort',
};

/**
 * Checks normalised card data the way Paygent will (number 14–16 digits with a valid check digit,
 * month 01–12, expiry from this month up to 20 years ahead, CVC 3–4 digits, a romaji name as
 * `validateCardholderName` checks it: 2–45 of A–Z, space, period, hyphen, apostrophe), so
 * the shopper sees field errors without a round trip. The CVC is required here.
 */
export function validatePaygentCard(card: PaygentCardInfo, options: ValidatePaygentCardOptions = {}): PaygentCardErrors {
  const errors: PaygentCardErrors = {};
  if (card.card_number === '') errors.card_number = 'paygent.cardNumber.required';
  else if (!/^\d{14,16}$/.test(card.card_number) || !luhn(card.card_number)) errors.card_number = 'paygent.cardNumber.invalid';

  if (card.expire_month === '' && card.expire_year === '') errors.expire = 'paygent.expiry.required';
  else if (!/^(0[1-9]|1[0-2])$/.test(card.expire_month) || !/^\d{2}$/.test(card.expire_year)) errors.expire = 'paygent.expiry.invalid';
  else {
    const today = new Date((options.now ?? Date.now)() + JST_OFFSET_MS);
    const current = today.getUTCFullYear() * 12 + today.getUTCMonth();
    const expiry = (2000 + Number(card.expire_year)) * 12 + Number(card.expire_month) - 1;
    if (expiry < current || expiry > current + 240) errors.expire = 'paygent.expiry.outOfRange';
  }

  const cvc = card.cvc ?? '';
  if (cvc === '') errors.cvc = 'paygent.cvc.required';
  else if (!/^\d{3,4}$/.test(cvc)) errors.cvc = 'paygent.cvc.invalid';

  const name = validateCardholderName(card.name ?? '');
  if (!name.ok && (name.code !== 'name.required' || (options.requireName ?? true))) errors.name = NAME_ERROR[name.code];
  return errors;
}
