import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(key: Buffer, value: string): Buffer {
  return createHmac('sha256', key).update(value).digest();
}

/** `value.signature` (HMAC-SHA256, base64url), for values the browser carries back to us. */
export function sign(key: Buffer, value: string): string {
  return `${value}.${mac(key, value).toString('base64url')}`;
}

/** The signed value, or null when the signature does not match. */
export function verify(key: Buffer, signed: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1), 'base64url');
  const expected = mac(key, value);
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
