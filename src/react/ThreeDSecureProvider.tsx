'use client';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createAttemptStore } from '../core/attempt/attemptStore';
import { createThreeDSecureClient, type ThreeDSecureBackend, type ThreeDSecureClient } from '../core/client/createThreeDSecureClient';
import { ThreeDSecureError } from '../core/errors';
import type { KurocoBackend } from '../core/kuroco/types';
import type { Locale, MessageOverrides } from '../core/messages';
import { assertPublicKey } from '../core/payjp/assertPublicKey';
import type { PayjpBackend } from '../core/payjp/createPayjpBackend';
import type { PayjpGetterOptions } from '../core/payjp/createPayjpGetter';
import type { ThreeDSecureWorkflow } from '../core/payjp/payjs';
import { usePayjpState } from './internal/usePayjpState';
import {
  ThreeDSecureContext,
  useOptionalThreeDSecureContext,
  useThreeDSecureContext,
  type ThreeDSecureContextState,
  type ThreeDSecureProviderEvent,
} from './ThreeDSecureContext';
import { useThreeDSecureMessages, type ThreeDSecureMessages } from './useThreeDSecureMessages';

export type { ThreeDSecureBackend };

/** Props of `<ThreeDSecureProvider>`: a `client`, or a `backend` and the settings to build one from. */
export interface ThreeDSecureProviderProps {
  /**
   * The client the app made once, at module scope: `createThreeDSecureClient({ backend, payjs? })`.
   * It holds the purchases under way and the hand-offs submitted, so they outlive this provider
   * remounting. Give either `client` or `backend`. It cannot change after mount.
   */
  client?: ThreeDSecureClient;
  /**
   * The merchant backend, e.g. `createKurocoBackend({ … })`: the provider uses the client built for
   * this backend object (and `storage`), so providers given the same backend share one client and a
   * remounted provider finds the purchase under way. Create it once (module scope or useMemo): a new
   * backend is a new client. Give two providers two backends (or clients) to keep them apart.
   */
  backend?: ThreeDSecureBackend;
  /** Language of every shopper-facing text. @default 'ja' */
  locale?: Locale;
  /** Replace some of the kit's texts. */
  messages?: MessageOverrides;
  /** With `backend`: where attempts survive the 3-D Secure round trip. @default sessionStorage */
  storage?: Storage | null;
  /** PAY.JP with `backend`: the public key (`pk_test_…` / `pk_live_…`). Never the secret key. With `client`, give the client a `createPayjsLoader`. */
  publicKey?: string;
  /** PAY.JP: how the issuer's screen is shown. @default the client loader's workflow, else 'iframe' */
  workflow?: ThreeDSecureWorkflow;
  /** PAY.JP with `backend`: where pay.js is loaded from (the sandbox's `payjsUrl` in tests). @default 'https://js.pay.jp/v2/pay.js' */
  jsUrl?: string;
  /** PAY.JP with `backend`: CSP nonce for the pay.js script tag. */
  nonce?: string;
  /**
   * PAY.JP: how long the hooks and components keep confirming a result after the challenge (and on
   * the return page): issuers can answer minutes late. A hook's own `confirmTimeoutMs` wins.
   * @default 300_000 (5 minutes)
   */
  confirmTimeoutMs?: number;
  /** Monitoring: each step of the flows under this provider (ids, codes and timings only; never card or personal data). */
  onEvent?(event: ThreeDSecureProviderEvent): void;
  /** @deprecated The kit no longer uses react-query; this prop is accepted and ignored. */
  queryClient?: unknown;
  /** The part of the app that uses the kit. */
  children?: ReactNode;
}

/** @deprecated The provider's state plus its texts; use `useThreeDSecureMessages()` for the texts. */
export type ThreeDSecureContextValue = ThreeDSecureContextState & Omit<ThreeDSecureMessages, 'locale'>;
/** @deprecated Renamed {@link ThreeDSecureContextState}. */
export type ThreeDSecureProviderState = ThreeDSecureContextState;

// Built clients, one per backend object the app made: a provider that is unmounted and mounted
// again (a route change and back) finds the purchase still on its way and hands it off once. Keyed
// weakly by the app's own object, so it holds nothing the app has dropped; separate backends (or
// clients) share nothing.
const builtClients = new WeakMap<ThreeDSecureBackend, { storage: Storage | null | undefined; client: ThreeDSecureClient }>();

function clientFor(backend: ThreeDSecureBackend, storage: Storage | null | undefined): ThreeDSecureClient {
  const cached = builtClients.get(backend);
  if (cached && cached.storage === storage) return cached.client;
  const client = createThreeDSecureClient({ backend, attempts: createAttemptStore(storage) });
  builtClients.set(backend, { storage, client });
  return client;
}

// The client the provider stands for: the app's, or the one built for the backend and storage.
function useClient(given: ThreeDSecureClient | undefined, backend: ThreeDSecureBackend | undefined, storage: Storage | null | undefined): ThreeDSecureClient {
  // Production builds keep the errors short and drop the warning: the advice is for the developer.
  if (given && backend) {
    throw new ThreeDSecureError(
      'misconfigured',
      process.env.NODE_ENV !== 'production'
        ? '<ThreeDSecureProvider>: pass either client={…} or backend={…}, not both (the client holds the backend).'
        : '<ThreeDSecureProvider>: client and backend',
    );
  }
  const [first] = useState(given);
  if (process.env.NODE_ENV !== 'production' && given !== first) {
    console.warn('Unsupported prop change on <ThreeDSecureProvider>: the client cannot change after mount; create it once, at module scope.');
  }
  // undefined picks sessionStorage (the parameter's default); null keeps attempts in memory.
  const built = useMemo(() => (backend ? clientFor(backend, storage) : null), [backend, storage]);
  const client = first ?? built;
  if (!client) {
    throw new ThreeDSecureError(
      'misconfigured',
      process.env.NODE_ENV !== 'production'
        ? '<ThreeDSecureProvider> needs client={createThreeDSecureClient({ backend })} or backend={…}.'
        : '<ThreeDSecureProvider>: no client or backend',
    );
  }
  return client;
}

/**
 * Supplies the kit's hooks and components with a client (the backend, the pay.js loader, the attempt
 * store and the registry of runs under way), the language and the texts' overrides.
 */
export function ThreeDSecureProvider({
  client: given,
  backend: backendProp,
  locale = 'ja',
  messages,
  storage,
  publicKey,
  workflow: workflowProp,
  jsUrl,
  nonce,
  confirmTimeoutMs,
  onEvent,
  children,
}: ThreeDSecureProviderProps) {
  const client = useClient(given, backendProp, storage);
  const { backend, attempts, payjs: loader } = client;
  const workflow = workflowProp ?? loader?.options.threeDSecureWorkflow ?? 'iframe';
  const payjpBackend = backend?.provider === 'payjp';
  // The redirect workflow needs no pay.js, unless card fields are used: then the key is needed anyway.
  if (payjpBackend && !loader && workflow !== 'redirect' && !publicKey) {
    throw new ThreeDSecureError(
      'misconfigured',
      process.env.NODE_ENV !== 'production' ? '<ThreeDSecureProvider>: PAY.JP needs publicKey="pk_…" (or workflow="redirect")' : '<ThreeDSecureProvider>: no publicKey',
    );
  }
  // A secret key is refused at once, before any hook asks for pay.js.
  if (payjpBackend && publicKey) assertPublicKey(publicKey);
  const payjs = useMemo<PayjpGetterOptions | null>(
    () => loader?.options ?? (payjpBackend && publicKey ? { publicKey, locale, threeDSecureWorkflow: workflow, jsUrl, nonce } : null),
    [loader, payjpBackend, publicKey, locale, workflow, jsUrl, nonce],
  );
  const getPayjp = loader ? loader.load : null;
  // Fetch pay.js as soon as the provider mounts, so a click costs only the backend round trip.
  useEffect(() => {
    getPayjp?.().catch(() => undefined);
  }, [getPayjp]);
  const value = useMemo<ThreeDSecureContextState>(
    () => ({ client, backend, attempts, locale, messages, getPayjp, payjs, workflow, confirmTimeoutMs, onEvent }),
    [client, backend, attempts, locale, messages, getPayjp, payjs, workflow, confirmTimeoutMs, onEvent],
  );
  return <ThreeDSecureContext.Provider value={value}>{children}</ThreeDSecureContext.Provider>;
}

// Today's accessors, kept as thin wrappers over the one accessor while the hooks move to it.
export { useOptionalThreeDSecureContext, useThreeDSecureContext, usePayjpState };

/** @deprecated `useThreeDSecureContext(caller, provider)`. */
export function useProviderState<P extends ThreeDSecureBackend['provider']>(caller: string, provider?: P) {
  return useThreeDSecureContext(caller, provider as ThreeDSecureBackend['provider'] | undefined) as ThreeDSecureContextState & {
    backend: Extract<ThreeDSecureBackend, { provider: P }>;
  };
}

/** @deprecated `useThreeDSecureContext(caller, 'kuroco')` and `useThreeDSecureMessages()`. */
export function useKurocoContext(caller: string): ThreeDSecureContextValue & { backend: KurocoBackend } {
  const state = useThreeDSecureContext(caller, 'kuroco');
  const { t, errorMessage } = useThreeDSecureMessages();
  return useMemo(() => ({ ...state, t, errorMessage }), [state, t, errorMessage]);
}

/** @deprecated `usePayjpState(caller)` and `useThreeDSecureMessages()`. */
export function usePayjpContext(caller: string): ThreeDSecureContextValue & { backend: PayjpBackend } {
  const state = usePayjpState(caller);
  const { t, errorMessage } = useThreeDSecureMessages();
  return useMemo(() => ({ ...state, t, errorMessage }), [state, t, errorMessage]);
}
