const encoder = new TextEncoder();

/** Domain separation: the tag key is derived from the secret key, never the key itself. */
const KEY_LABEL = 'react3ds-kit charge tag key v1';
const TAG_PREFIX = 'react3ds-kit charge tag v1:';

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * The HMAC-SHA-256 key for guest charge tags: HMAC(secretKey, label), imported with WebCrypto
 * (no node:crypto, so edge runtimes work). Distinct from the back_url JWS key by construction.
 */
export async function importChargeTagKey(secretKey: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const root = await subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const derived = await subtle.sign('HMAC', root, encoder.encode(KEY_LABEL));
  return subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** The tag that proves a browser created guest charge `chargeId` (base64url, 43 characters). */
export async function signChargeTag(chargeId: string, key: CryptoKey): Promise<string> {
  const signature = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(TAG_PREFIX + chargeId));
  return base64Url(new Uint8Array(signature));
}

/** Checks a tag in constant time (WebCrypto's verify); malformed tags are simply wrong. */
export async function verifyChargeTag(chargeId: string, tag: string, key: CryptoKey): Promise<boolean> {
  const bytes = fromBase64Url(tag);
  if (!bytes) return false;
  return globalThis.crypto.subtle.verify('HMAC', key, bytes as BufferSource, encoder.encode(TAG_PREFIX + chargeId));
}
