import { createAttemptStore, type AttemptStore } from '../attempt/attemptStore';
import type { ThreeDSecureEventListener } from '../events';
import type { KurocoBackend } from '../kuroco/types';
import type { PayjpBackend } from '../payjp/createPayjpBackend';
import type { PayjsLoader } from '../payjp/createPayjsLoader';
import { createClientRegistry, type ClientRegistry } from './createClientRegistry';

/** A merchant backend a client can hold. */
export type ThreeDSecureBackend = KurocoBackend | PayjpBackend;

/** What `createThreeDSecureClient` takes. */
export interface ThreeDSecureClientOptions<B extends ThreeDSecureBackend = ThreeDSecureBackend> {
  /** The merchant backend: `createKurocoBackend({ … })`, `createPayjpBackend({ … })` or your own. */
  backend: B;
  /**
   * PAY.JP: how pay.js is loaded, `createPayjsLoader({ publicKey })`. Leave it out for Kuroco: an app
   * that never imports the loader never carries it.
   */
  payjs?: PayjsLoader | null;
  /** Where attempts survive the 3-D Secure round trip. @default createAttemptStore() (sessionStorage) */
  attempts?: AttemptStore;
  /**
   * Monitoring: one listener for every flow run with this client (the hooks and components under its
   * provider, and `createKurocoPurchaseFlow`). Ids, codes and timings only, never card or personal data.
   */
  onEvent?: ThreeDSecureEventListener;
}

/**
 * Everything the kit's flows need, made once by the app (module scope, like a QueryClient) and
 * given to `<ThreeDSecureProvider client={…}>`: the backend, the pay.js loader, the attempt store,
 * and the registry of runs under way and hand-offs submitted. Two clients share nothing; tests make
 * a new one each.
 */
export interface ThreeDSecureClient<B extends ThreeDSecureBackend = ThreeDSecureBackend> {
  /** The merchant backend. */
  readonly backend: B;
  /** PAY.JP: the pay.js loader, or null (Kuroco, or the redirect workflow). */
  readonly payjs: PayjsLoader | null;
  /** Where attempts survive the 3-D Secure round trip. */
  readonly attempts: AttemptStore;
  /** The client's event listener, or null. */
  readonly onEvent: ThreeDSecureEventListener | null;
  /** @internal The runs under way and the hand-offs already submitted. */
  readonly registry: ClientRegistry;
}

/** Makes a client. Create it once per page (module scope), not per render. */
export function createThreeDSecureClient<B extends ThreeDSecureBackend>(options: ThreeDSecureClientOptions<B>): ThreeDSecureClient<B> {
  return {
    backend: options.backend,
    payjs: options.payjs ?? null,
    attempts: options.attempts ?? createAttemptStore(),
    onEvent: options.onEvent ?? null,
    registry: createClientRegistry(),
  };
}
