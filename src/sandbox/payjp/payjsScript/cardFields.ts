import { cardBrandOf, type CardBrand } from '../../../core/card/cardBrand';
import { luhn } from '../../../core/card/luhn';
import type { Field, FieldCheckCode } from './fieldText';

/** The brand an element reports in its change event. */
export type ElementBrand = CardBrand | 'unknown';

/** The digits of each field, shared by the elements of one `elements()` group. */
export type FieldValues = Record<Field, string>;

/** One field's state; `error` is null when there is nothing to say (yet). */
export interface FieldCheck {
  empty: boolean;
  complete: boolean;
  error: FieldCheckCode | null;
}

/** When a field is checked: while typing, on leaving it, or on createToken. */
export type CheckMode = 'typing' | 'blur' | 'submit';

/** The digits of a value. */
export function digitsOf(value: unknown): string {
  return String(value).replace(/\D/g, '');
}

/** The brand of the digits typed so far. */
export function brandOf(digits: string): ElementBrand {
  return cardBrandOf(digits) ?? 'unknown';
}

/** How many digits a number of `brand` has. */
export function numberLength(brand: ElementBrand): number {
  return brand === 'American Express' ? 15 : brand === 'Diners Club' ? 14 : 16;
}

/** The number in its brand's groups: '4242 4242 4242 4242', '3782 822463 10005'. */
export function formatNumber(digits: string, brand: ElementBrand): string {
  const groups = brand === 'American Express' || brand === 'Diners Club' ? [4, 6, 5] : [4, 4, 4, 4];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** Digits MMYY from what was typed or filled: '1235', '12 / 35', '12/2035', '4' (→ '04'). */
export function expiryDigits(raw: unknown): string {
  const text = String(raw);
  const slash = text.indexOf('/');
  let digits: string;
  if (slash >= 0) {
    let month = digitsOf(text.slice(0, slash));
    let year = digitsOf(text.slice(slash + 1));
    if (month.length === 1) month = `0${month}`;
    if (year.length === 4) year = year.slice(2);
    digits = month + year;
  } else {
    digits = digitsOf(text);
  }
  if (digits.length === 1 && digits > '1') digits = `0${digits}`;
  return digits.slice(0, 4);
}

/** MMYY as 'MM / YY'. */
export function formatExpiry(digits: string): string {
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

function checkNumber(digits: string, empty: boolean, incomplete: boolean): FieldCheck {
  if (digits.length < numberLength(brandOf(digits))) return { empty, complete: false, error: incomplete ? 'incomplete_number' : null };
  return luhn(digits) ? { empty: false, complete: true, error: null } : { empty: false, complete: false, error: 'invalid_number' };
}

function checkExpiry(digits: string, empty: boolean, incomplete: boolean): FieldCheck {
  const month = Number(digits.slice(0, 2));
  if (digits.length >= 2 && (month < 1 || month > 12)) return { empty: false, complete: false, error: 'invalid_expiry_month' };
  if (digits.length < 4) return { empty, complete: false, error: incomplete ? 'incomplete_expiry' : null };
  const year = 2000 + Number(digits.slice(2));
  const now = new Date();
  const nowMonths = now.getFullYear() * 12 + now.getMonth() + 1;
  if (year < now.getFullYear()) return { empty: false, complete: false, error: 'invalid_expiry_year_past' };
  if (year * 12 + month < nowMonths) return { empty: false, complete: false, error: 'invalid_expiry_month_past' };
  if (year > now.getFullYear() + 20) return { empty: false, complete: false, error: 'invalid_expiry_year' };
  return { empty: false, complete: true, error: null };
}

function checkCvc(digits: string, brand: ElementBrand, empty: boolean, incomplete: boolean): FieldCheck {
  const min = brand === 'American Express' ? 4 : 3;
  const max = brand === 'unknown' || brand === 'American Express' ? 4 : 3;
  if (digits.length > max) return { empty: false, complete: false, error: 'invalid_cvc' };
  if (digits.length < min) return { empty, complete: false, error: incomplete ? 'incomplete_cvc' : null };
  return { empty: false, complete: true, error: null };
}

/** One field's state; the cvc's length follows the number's brand. */
export function checkField(field: Field, values: FieldValues, mode: CheckMode): FieldCheck {
  const digits = values[field];
  const empty = digits === '';
  // "incomplete" is only said on submit, or on leaving a field that has something in it.
  const incomplete = mode === 'submit' || (mode === 'blur' && !empty);
  if (field === 'number') return checkNumber(digits, empty, incomplete);
  if (field === 'expiry') return checkExpiry(digits, empty, incomplete);
  return checkCvc(digits, brandOf(values.number), empty, incomplete);
}
