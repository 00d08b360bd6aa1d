import type { FieldCheck } from './cardholderName';

/**
 * The longest address SMTP can carry (RFC 5321: a 256-octet path less the angle brackets). PAY.JP's
 * documents give no limit of their own.
 */
export const CARDHOLDER_EMAIL_MAX_LENGTH = 254;

/** Why an e-mail address is refused. Empty is not refused here: see `validateCardholder`. */
export type CardholderEmailErrorCode =
  /** Not of the form `name@domain.tld`, or not ASCII. */
  | 'email.invalid'
  /** Longer than {@link CARDHOLDER_EMAIL_MAX_LENGTH}. */
  | 'email.tooLong';

/** Full-width characters (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ from a Japanese keyboard) to half-width, trimmed. */
export function normalizeCardholderEmail(input: string): string {
  return input.normalize('NFKC').trim();
}

// Deliberately loose: the issuer, not the kit, decides whether the mailbox exists. It catches the
// usual slips (no @, no dot in the domain, spaces, a Japanese character).
const SHAPE = /^[\x21-\x3f\x41-\x7e]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/;

/** Normalises the address and checks its shape. An empty address passes (the rule "e-mail or phone" is elsewhere). */
export function validateCardholderEmail(input: string): FieldCheck<CardholderEmailErrorCode> {
  const value = normalizeCardholderEmail(input);
  if (value === '') return { ok: true, value };
  if (value.length > CARDHOLDER_EMAIL_MAX_LENGTH) return { ok: false, value, code: 'email.tooLong' };
  if (!SHAPE.test(value)) return { ok: false, value, code: 'email.invalid' };
  return { ok: true, value };
}
