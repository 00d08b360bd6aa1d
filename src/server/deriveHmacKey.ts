const encoder = new TextEncoder();

/**
 * An HMAC-SHA-256 key of its own for one purpose: HMAC(secretKey, label), so no two uses (guest
 * charge tags, attempt references) share a key and the secret key itself never signs. WebCrypto
 * only, so edge runtimes work.
 */
export async function deriveHmacKey(secretKey: string, label: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const root = await subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const derived = await subtle.sign('HMAC', root, encoder.encode(label));
  return subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}
