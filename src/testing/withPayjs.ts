import type { PayjpBackend } from '../core/payjp/createPayjpBackend';
import type { PayjpInstance } from '../core/payjp/payjs';

/**
 * The backend with `payjs` in place of the pay.js loader: `<ThreeDSecureProvider
 * backend={withPayjs(backend, createInMemoryPayjs(…))} publicKey="pk_test_sandbox">` runs the
 * kit's PAY.JP hooks in jsdom, where no script loads. The provider still needs a `publicKey`.
 */
export function withPayjs(backend: PayjpBackend, payjs: PayjpInstance): PayjpBackend {
  const ready = Promise.resolve(payjs);
  return { ...backend, createPayjs: () => () => ready };
}
