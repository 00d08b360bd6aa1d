import { ATTEMPT_REFERENCE_PARAM } from '../core/recovery/attemptOutcome';
import { base64Url, fromBase64Url } from './base64Url';
import { deriveHmacKey } from './deriveHmacKey';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Domain separation: the reference key is derived from the secret key, never the key itself. */
const KEY_LABEL = 'react3ds-kit attempt reference key v1';
/** How long a reference answers by default: a day, so a shopper coming back later still sees the outcome. */
export const DEFAULT_ATTEMPT_REFERENCE_TTL_MS = 24 * 60 * 60 * 1000;

/** HMAC(secretKey, label), as an HMAC-SHA-256 key (WebCrypto: edge runtimes work). */
export async function importAttemptReferenceKey(secretKey: string): Promise<CryptoKey> {
  return deriveHmacKey(secretKey, KEY_LABEL);
}

/** What a reference names: a charge, until when. */
export interface AttemptReferenceClaims {
  /** `ch_…` */
  chargeId: string;
  /** Epoch milliseconds after which the reference answers nothing. */
  expiresAt: number;
}

/**
 * A signed, expiring reference to one attempt: `{payload}.{mac}`, both base64url, the payload
 * `{"c": chargeId, "e": expiresAt}`. Readable (signed, not encrypted), unforgeable without the
 * secret key; it carries no personal data.
 */
export async function signAttemptReference(claims: AttemptReferenceClaims, key: CryptoKey): Promise<string> {
  const payload = base64Url(encoder.encode(JSON.stringify({ c: claims.chargeId, e: claims.expiresAt })));
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(payload));
  return `${payload}.${base64Url(new Uint8Array(mac))}`;
}

/** Why a reference was refused. */
export type AttemptReferenceRefusal = 'malformed' | 'bad_signature' | 'expired';

/**
 * Checks a reference: the MAC first (constant time, WebCrypto's verify), then its shape and
 * expiry. Never throws on input.
 */
export async function verifyAttemptReference(
  reference: string,
  key: CryptoKey,
  now: number,
): Promise<{ ok: true; claims: AttemptReferenceClaims } | { ok: false; reason: AttemptReferenceRefusal }> {
  const [payload, mac, extra] = typeof reference === 'string' ? reference.split('.') : [];
  const macBytes = mac === undefined ? null : fromBase64Url(mac, 400);
  if (payload === undefined || extra !== undefined || !macBytes || !fromBase64Url(payload, 400)) return { ok: false, reason: 'malformed' };
  const valid = await globalThis.crypto.subtle.verify('HMAC', key, macBytes as BufferSource, encoder.encode(payload));
  if (!valid) return { ok: false, reason: 'bad_signature' };
  let parsed: { c?: unknown; e?: unknown } | null;
  try {
    parsed = JSON.parse(decoder.decode(fromBase64Url(payload, 400) as Uint8Array)) as { c?: unknown; e?: unknown } | null;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof parsed?.c !== 'string' || !/^ch_[A-Za-z0-9]{1,64}$/.test(parsed.c) || typeof parsed.e !== 'number' || !Number.isFinite(parsed.e)) return { ok: false, reason: 'malformed' };
  if (now >= parsed.e) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { chargeId: parsed.c, expiresAt: parsed.e } };
}

/** The return URL with the reference added (`?r3ds_attempt=…`), keeping its own query. */
export function withAttemptReference(returnUrl: string, reference: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set(ATTEMPT_REFERENCE_PARAM, reference);
  return url.toString();
}
