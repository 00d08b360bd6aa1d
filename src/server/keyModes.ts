import { ThreeDSecureError } from '../core/errors';

export type KeyMode = 'test' | 'live';

function modeOf(key: string, prefix: 'sk' | 'pk'): KeyMode | null {
  const match = new RegExp(`^${prefix}_(test|live)_[A-Za-z0-9_]+$`).exec(key);
  return match ? (match[1] as KeyMode) : null;
}

const ENV_HINT =
  '. If the key comes from an environment variable that exists only at run time (Docker, CI builds), create the handler on the first request rather than at module scope';

function hintFor(value: unknown): string {
  return value === undefined || value === '' ? ENV_HINT : '';
}

/** What was passed instead of a key, without its value: a key-shaped string may be a real secret. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value !== 'string') return `a ${typeof value}`;
  if (value === '') return 'an empty string';
  return `a string of ${value.length} characters that is not one`;
}

/**
 * Checks the key pair at creation: PAY.JP's start page takes its mode from the public key and
 * rejects a back_url signed with the other mode's secret key, so a mismatch can never work.
 * Messages name modes and public keys only, never the secret key.
 */
export function assertKeyPair(secretKey: unknown, publicKey: unknown): KeyMode {
  const secretMode = typeof secretKey === 'string' ? modeOf(secretKey, 'sk') : null;
  if (!secretMode) {
    throw new ThreeDSecureError('misconfigured', `createPayjpHandler: \`secretKey\` must be a PAY.JP secret key (sk_test_… or sk_live_…), got ${describe(secretKey)}${hintFor(secretKey)}`);
  }
  const publicMode = typeof publicKey === 'string' ? modeOf(publicKey, 'pk') : null;
  if (!publicMode) {
    throw new ThreeDSecureError('misconfigured', `createPayjpHandler: \`publicKey\` must be a PAY.JP public key (pk_test_… or pk_live_…), got ${describe(publicKey)}${hintFor(publicKey)}`);
  }
  if (secretMode !== publicMode) {
    throw new ThreeDSecureError('misconfigured', `createPayjpHandler: key modes differ (public key is ${publicMode} mode, secret key is ${secretMode} mode); use pk_${secretMode}_… with sk_${secretMode}_…`);
  }
  return secretMode;
}
