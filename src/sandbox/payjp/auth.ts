import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PayjpKeyKind } from './api';
import { PayjpApiError } from './errors';
import type { ResolvedPayjpOptions } from './options';

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="PAY.JP sandbox"' };

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Shows enough of a key to recognise it without echoing it whole. */
function masked(key: string): string {
  return key.length <= 12 ? `${key.slice(0, 3)}…` : `${key.slice(0, 8)}…${key.slice(-4)}`;
}

function invalidKey(detail: string): PayjpApiError {
  return new PayjpApiError(401, 'auth_error', `Invalid API Key: ${detail}`, 'invalid_api_key', undefined, CHALLENGE);
}

/**
 * The key of a request, from HTTP Basic auth (username = key, empty password), as the official
 * SDKs and payjs send it. No header → 401 `no_api_key`; a key other than the account's → 401
 * `invalid_api_key`.
 */
export function authenticate(req: IncomingMessage, options: ResolvedPayjpOptions): PayjpKeyKind {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!header) {
    throw new PayjpApiError(401, 'auth_error', 'You did not provide an API key. Use HTTP Basic auth with the key as the username.', 'no_api_key', undefined, CHALLENGE);
  }
  if (!match?.[1]) throw invalidKey('the Authorization header is not HTTP Basic');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon < 0 ? decoded : decoded.slice(0, colon);
  if (same(key, options.secretKey)) return 'secret';
  if (same(key, options.publicKey)) return 'public';
  throw invalidKey(masked(key));
}

/** 401 for the public key on a route that needs the secret key. */
export function publicKeyNotAllowed(): PayjpApiError {
  return invalidKey('a public key can only create tokens; use the secret key');
}
