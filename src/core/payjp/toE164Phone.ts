import { ThreeDSecureError } from '../errors';

/**
 * PAY.JP wants 3-D Secure phone numbers in E.164 (`+819012345678`). Japanese shoppers type
 * `090-1234-5678`: a leading 0 becomes +81. Spaces, dashes, dots and brackets are dropped.
 */
export function toE164Phone(input: string, defaultCountryCode = '81'): string {
  const compact = input.normalize('NFKC').replace(/[\s\-.()\u2010-\u2015\u30fc]/g, '');
  const e164 = compact.startsWith('+') ? compact : compact.startsWith('0') ? `+${defaultCountryCode}${compact.slice(1)}` : `+${compact}`;
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) {
    throw new ThreeDSecureError('invalid_card', `${JSON.stringify(input)} is not a phone number PAY.JP accepts (E.164)`, { field: 'phone' });
  }
  return e164;
}
