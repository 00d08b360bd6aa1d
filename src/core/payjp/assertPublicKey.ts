import { ThreeDSecureError } from '../errors';

/** Throws unless `key` is a PAY.JP public key (the message never repeats the key). */
export function assertPublicKey(key: string): void {
  if (typeof key !== 'string' || !/^pk_(test|live)_[A-Za-z0-9]+$/.test(key)) {
    const hint = typeof key === 'string' && key.startsWith('sk_') ? ' A secret key must never reach the browser: keep it on the server.' : '';
    throw new ThreeDSecureError('misconfigured', `publicKey must be a PAY.JP public key (pk_test_… or pk_live_…).${hint}`);
  }
}
