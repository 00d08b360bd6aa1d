import { base64Url } from './base64Url';

const encoder = new TextEncoder();

/** An HMAC-SHA-256 signing key for {@link signBackUrl}; import it once and reuse it. */
export function importBackUrlKey(secretKey: string): Promise<CryptoKey> {
  // WebCrypto rather than node:crypto, so the handler also runs on edge runtimes.
  return globalThis.crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * PAY.JP's `back_url`: a compact JWS (HS256, header `{"alg":"HS256","typ":"JWT"}`) over
 * `{"url": returnUrl}`, signed with the secret key of the public key's mode. The payload is
 * readable by anyone (signed, not encrypted): put no secrets in the URL.
 */
export async function signBackUrl(returnUrl: string, key: string | CryptoKey): Promise<string> {
  const cryptoKey = typeof key === 'string' ? await importBackUrlKey(key) : key;
  const header = base64Url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const payload = base64Url(encoder.encode(JSON.stringify({ url: returnUrl })));
  const signingInput = `${header}.${payload}`;
  const signature = await globalThis.crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(signingInput));
  return `${signingInput}.${base64Url(new Uint8Array(signature))}`;
}
