import { createPayjpGetter, type PayjpGetterOptions } from './createPayjpGetter';
import type { PayjpInstance } from './payjs';

/** How the kit gets its payjs instance: made by `createPayjsLoader`, held by a client. */
export interface PayjsLoader {
  /** What it was made with (the public key, workflow, script URL, nonce). */
  readonly options: PayjpGetterOptions;
  /** Loads pay.js once and creates `Payjp(publicKey)`; a failed load is tried again on the next call. */
  load(): Promise<PayjpInstance>;
}

/**
 * The pay.js loader for a client: `createThreeDSecureClient({ backend, payjs: createPayjsLoader({ publicKey }) })`.
 * Nothing is fetched until `load()` (the provider calls it when it mounts, before any click).
 * Throws `misconfigured` for anything but a public key.
 */
export function createPayjsLoader(options: PayjpGetterOptions): PayjsLoader {
  return { options, load: createPayjpGetter(options) };
}
