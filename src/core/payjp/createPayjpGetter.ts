import { ThreeDSecureError } from '../errors';
import { assertPublicKey } from './assertPublicKey';
import { loadPayjp, type LoadPayjpOptions } from './loadPayjp';
import type { PayjpInitOptions, PayjpInstance } from './payjs';

export { assertPublicKey };

export interface PayjpGetterOptions extends LoadPayjpOptions, PayjpInitOptions {
  /** `pk_test_…` or `pk_live_…`. A secret key is refused before anything is loaded. */
  publicKey: string;
}

/**
 * A lazy, shared payjs instance: pay.js is loaded and `Payjp(publicKey)` created on the first call,
 * later calls reuse it, and a failure lets the next call try again. `threeDSecureWorkflow` defaults
 * to `'iframe'` (always passed: pay.js's own default is undocumented).
 */
export function createPayjpGetter({ publicKey, jsUrl, nonce, timeoutMs, locale, threeDSecureWorkflow }: PayjpGetterOptions): () => Promise<PayjpInstance> {
  assertPublicKey(publicKey);
  let instance: Promise<PayjpInstance> | null = null;
  return () => {
    instance ??= loadPayjp({ ...(jsUrl ? { jsUrl } : {}), ...(nonce ? { nonce } : {}), ...(timeoutMs ? { timeoutMs } : {}) })
      .then((Payjp) => {
        if (!Payjp) throw new ThreeDSecureError('misconfigured', 'pay.js can only run in a browser');
        // Always a workflow: pay.js's own default is undocumented (and likely not the iframe).
        return Payjp(publicKey, { ...(locale ? { locale } : {}), threeDSecureWorkflow: threeDSecureWorkflow ?? 'iframe' });
      })
      .catch((error: unknown) => {
        instance = null;
        throw error;
      });
    return instance;
  };
}
