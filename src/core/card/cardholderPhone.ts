import { toE164Phone } from '../payjp/toE164Phone';
import type { FieldCheck } from './cardholderName';

/** Why a phone number is refused. Empty is not refused here: see `validateCardholder`. */
export type CardholderPhoneErrorCode =
  /** Not a number PAY.JP takes once converted to E.164 (`+819012345678`): letters, too few or too many digits. */
  'phone.invalid';

/**
 * Full-width digits and signs (０９０－１２３４－５６７８) to half-width, trimmed. The shopper's own
 * layout (dashes, spaces) is kept on screen; the E.164 form is made when the token is created.
 */
export function normalizeCardholderPhone(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Normalises the number and checks that it converts to E.164 (a leading 0 is Japan's +81). An empty number passes. */
export function validateCardholderPhone(input: string, defaultCountryCode = '81'): FieldCheck<CardholderPhoneErrorCode> {
  const value = normalizeCardholderPhone(input);
  if (value === '') return { ok: true, value };
  try {
    toE164Phone(value, defaultCountryCode);
    return { ok: true, value };
  } catch {
    return { ok: false, value, code: 'phone.invalid' };
  }
}
