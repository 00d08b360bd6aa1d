'use client';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { createAttemptStore, type AttemptStore } from '../core/attempt/attemptStore';
import { ThreeDSecureError } from '../core/errors';
import type { KurocoBackend } from '../core/kuroco/types';
import { getErrorMessage, getMessage, type Locale, type MessageKey, type MessageOverrides } from '../core/messages';
import type { PayjpBackend } from '../core/payjp/createPayjpBackend';
import { createPayjpGetter, type PayjpGetterOptions } from '../core/payjp/createPayjpGetter';
import type { PayjpInstance, ThreeDSecureWorkflow } from '../core/payjp/payjs';

/** A merchant backend the provider can hold. */
export type ThreeDSecureBackend = KurocoBackend | PayjpBackend;

export interface ThreeDSecureProviderProps {
  /** The merchant backend, e.g. `createKurocoBackend({ … })`. Create it once (module scope or useMemo). */
  backend: ThreeDSecureBackend;
  /** Language of every shopper-facing text. @default 'ja' */
  locale?: Locale;
  /** Replace some of the kit's texts. */
  messages?: MessageOverrides;
  /** The kit runs its requests through react-query; by default on a private client, so it never touches the app's cache. */
  queryClient?: QueryClient;
  /** Where attempts survive the 3-D Secure round trip. @default sessionStorage */
  storage?: Storage | null;
  /** PAY.JP: the public key (`pk_test_…` / `pk_live_…`). Never the secret key. */
  publicKey?: string;
  /** PAY.JP: how the issuer's screen is shown. @default 'iframe' */
  workflow?: ThreeDSecureWorkflow;
  /** PAY.JP: where pay.js is loaded from (the sandbox's `payjsUrl` in tests). @default 'https://js.pay.jp/v2/pay.js' */
  jsUrl?: string;
  /** PAY.JP: CSP nonce for the pay.js script tag. */
  nonce?: string;
  /**
   * PAY.JP: how long the hooks and components keep confirming a result after the challenge (and on
   * the return page): issuers can answer minutes late. A hook's own `confirmTimeoutMs` wins.
   * @default 300_000 (5 minutes)
   */
  confirmTimeoutMs?: number;
  children?: ReactNode;
}

/** What hooks read from the provider. */
export interface ThreeDSecureContextValue {
  backend: ThreeDSecureBackend;
  locale: Locale;
  /** The provider's `messages` overrides. */
  messages?: MessageOverrides | undefined;
  queryClient: QueryClient;
  attempts: AttemptStore;
  /** PAY.JP: the payjs instance (pay.js is fetched when the provider mounts, before any click). */
  getPayjp: (() => Promise<PayjpInstance>) | null;
  /** PAY.JP: the default workflow. */
  workflow: ThreeDSecureWorkflow;
  /** PAY.JP: the provider's `confirmTimeoutMs`, when set. */
  confirmTimeoutMs?: number | undefined;
  /** A shopper-facing text in the provider's language. */
  t(key: MessageKey): string;
  /** The shopper-facing text for an error. */
  errorMessage(error: ThreeDSecureError): string;
}

/**
 * What the provider itself holds. The texts (`t`, `errorMessage`) are added by the hooks that need
 * them, so an app whose components bring their own texts does not carry the whole catalog, and the
 * pay.js loader comes with the PAY.JP backend (`createPayjpBackend` attaches `createPayjs`), so a
 * Kuroco-only app does not carry it.
 */
export type ThreeDSecureProviderState = Omit<ThreeDSecureContextValue, 't' | 'errorMessage'> & {
  /** PAY.JP: how pay.js is loaded (publicKey and the provider's settings); null without a public key. */
  payjs: PayjpGetterOptions | null;
};

const ThreeDSecureContext = createContext<ThreeDSecureProviderState | null>(null);

// One private client per backend object, so a purchase under way survives the provider remounting
// (a route change and back): its answer and 3-D Secure hand-off are still there for the new tree.
// react-query never retries mutations by default, which is what a payment needs.
const privateClients = new WeakMap<object, QueryClient>();

function privateClientFor(backend: ThreeDSecureBackend): QueryClient {
  const client = privateClients.get(backend) ?? new QueryClient();
  privateClients.set(backend, client);
  return client;
}

/** Supplies the backend, language and attempt storage to the kit's hooks and components. */
export function ThreeDSecureProvider({
  backend,
  locale = 'ja',
  messages,
  queryClient,
  storage,
  publicKey,
  workflow = 'iframe',
  jsUrl,
  nonce,
  confirmTimeoutMs,
  children,
}: ThreeDSecureProviderProps) {
  const client = queryClient ?? privateClientFor(backend);
  // undefined picks sessionStorage (the parameter's default); null keeps attempts in memory.
  const attempts = useMemo(() => createAttemptStore(storage), [storage]);
  const payjpBackend = backend?.provider === 'payjp';
  // The redirect workflow needs no pay.js, unless card fields are used: then the key is needed anyway.
  if (payjpBackend && workflow !== 'redirect' && !publicKey) {
    throw new ThreeDSecureError('misconfigured', '<ThreeDSecureProvider>: PAY.JP needs publicKey="pk_…" (or workflow="redirect")');
  }
  const payjs = useMemo<PayjpGetterOptions | null>(
    () => (payjpBackend && publicKey ? { publicKey, locale, threeDSecureWorkflow: workflow, jsUrl, nonce } : null),
    [payjpBackend, publicKey, locale, workflow, jsUrl, nonce],
  );
  // Without `createPayjs` (a hand-written backend) the PAY.JP hooks load pay.js themselves (usePayjpState).
  const createPayjs = payjpBackend ? backend.createPayjs : undefined;
  const getPayjp = useMemo(() => (payjs && createPayjs ? createPayjs(payjs) : null), [payjs, createPayjs]);
  // Fetch pay.js as soon as the provider mounts, so a click costs only the backend round trip.
  useEffect(() => {
    getPayjp?.().catch(() => undefined);
  }, [getPayjp]);
  const value = useMemo<ThreeDSecureProviderState>(
    () => ({ backend, locale, messages, queryClient: client, attempts, getPayjp, payjs, workflow, confirmTimeoutMs }),
    [backend, locale, messages, client, attempts, getPayjp, payjs, workflow, confirmTimeoutMs],
  );
  return <ThreeDSecureContext.Provider value={value}>{children}</ThreeDSecureContext.Provider>;
}

/** The provider's state, or null outside one (for components that also work alone). */
export function useOptionalThreeDSecureContext(): ThreeDSecureProviderState | null {
  return useContext(ThreeDSecureContext);
}

/**
 * The provider's state without the texts; throws a message that names the fix when there is none,
 * or when `provider` is given and the backend is of another kind.
 */
export function useProviderState<P extends ThreeDSecureBackend['provider']>(
  caller: string,
  provider?: P,
): ThreeDSecureProviderState & { backend: Extract<ThreeDSecureBackend, { provider: P }> } {
  const context = useContext(ThreeDSecureContext);
  if (!context) {
    throw new ThreeDSecureError(
      'misconfigured',
      `${caller}: could not find <ThreeDSecureProvider>. Wrap the part of your app that calls ${caller} in <ThreeDSecureProvider backend={…}>.`,
    );
  }
  if (provider && context.backend?.provider !== provider) {
    const [name, factory] = provider === 'kuroco' ? ['Kuroco', 'Kuroco'] : ['PAY.JP', 'Payjp'];
    throw new ThreeDSecureError('misconfigured', `${caller} needs a ${name} backend: pass backend={create${factory}Backend({ … })} to <ThreeDSecureProvider>.`);
  }
  return context as ThreeDSecureProviderState & { backend: Extract<ThreeDSecureBackend, { provider: P }> };
}

// Getters for hand-written PAY.JP backends, one per provider configuration.
const payjsGetters = new WeakMap<PayjpGetterOptions, () => Promise<PayjpInstance>>();

/** The provider's PAY.JP state, with a pay.js getter even when the backend brings none. */
export function usePayjpState(caller: string): ThreeDSecureProviderState & { backend: PayjpBackend } {
  const context = useProviderState(caller, 'payjp');
  const value = useMemo(() => {
    const { payjs } = context;
    if (context.getPayjp || !payjs) return context;
    // A hand-written backend: the first PAY.JP hook creates the getter, the others share it.
    const getPayjp = payjsGetters.get(payjs) ?? createPayjpGetter(payjs);
    payjsGetters.set(payjs, getPayjp);
    return { ...context, getPayjp };
  }, [context]);
  const { getPayjp } = value;
  useEffect(() => {
    if (getPayjp !== context.getPayjp) getPayjp?.().catch(() => undefined);
  }, [getPayjp, context.getPayjp]);
  return value;
}

// Adds the texts, from the whole catalog, to the provider's state.
function useTexts<T extends ThreeDSecureProviderState>(context: T): T & ThreeDSecureContextValue {
  return useMemo(
    () => ({
      ...context,
      t: (key: MessageKey) => getMessage(key, context.locale, context.messages),
      errorMessage: (error: ThreeDSecureError) => getErrorMessage(error, context.locale, context.messages),
    }),
    [context],
  );
}

/** The provider's value; throws a message that names the fix when there is none. */
export function useThreeDSecureContext(caller: string): ThreeDSecureContextValue {
  return useTexts(useProviderState(caller));
}

/** The provider's Kuroco backend; throws naming the fix when the provider holds another kind. */
export function useKurocoContext(caller: string): ThreeDSecureContextValue & { backend: KurocoBackend } {
  return useTexts(useProviderState(caller, 'kuroco'));
}

/** The provider's PAY.JP backend; throws naming the fix when the provider holds another kind. */
export function usePayjpContext(caller: string): ThreeDSecureContextValue & { backend: PayjpBackend } {
  return useTexts(usePayjpState(caller));
}
