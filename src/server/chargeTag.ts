import { base64Url, fromBase64Url } from './base64Url';
import { deriveHmacKey } from './deriveHmacKey';

const encoder = new TextEncoder();

/** Domain separation: the tag key is derived from the secret key, never the key itself. */
const KEY_LABEL = 'react3ds-kit charge tag key v1';
const TAG_PREFIX = 'react3ds-kit charge tag v1:';

/**
 * The HMAC-SHA-256 key for guest charge tags: HMAC(secretKey, label), imported with WebCrypto
 * (no node:crypto, so edge runtimes work). Distinct from the back_url JWS key by construction.
 */
export async function importChargeTagKey(secretKey: string): Promise<CryptoKey> {
  return deriveHmacKey(secretKey, KEY_LABEL);
}

/** The tag that proves a browser created guest charge `chargeId` (base64url, 43 characters). */
export async function signChargeTag(chargeId: string, key: CryptoKey): Promise<string> {
  const signature = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(TAG_PREFIX + chargeId));
  return base64Url(new Uint8Array(signature));
}

/** Checks a tag in constant time (WebCrypto's verify); malformed tags are simply wrong. */
export async function verifyChargeTag(chargeId: string, tag: string, key: CryptoKey): Promise<boolean> {
  const bytes = fromBase64Url(tag, 128);
  if (!bytes) return false;
  return globalThis.crypto.subtle.verify('HMAC', key, bytes as BufferSource, encoder.encode(TAG_PREFIX + chargeId));
}
