'use client';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createAttemptStore, type AttemptStore } from '../core/attempt/attemptStore';
import { ThreeDSecureError } from '../core/errors';
import type { KurocoBackend } from '../core/kuroco/types';
import { getErrorMessage, getMessage, type Locale, type MessageKey, type MessageOverrides } from '../core/messages';
import type { PayjpBackend } from '../core/payjp/createPayjpBackend';
import { createPayjpGetter } from '../core/payjp/createPayjpGetter';
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
  children?: ReactNode;
}

/** What hooks read from the provider. */
export interface ThreeDSecureContextValue {
  backend: ThreeDSecureBackend;
  locale: Locale;
  queryClient: QueryClient;
  attempts: AttemptStore;
  /** PAY.JP: the payjs instance (pay.js is fetched when the provider mounts, before any click). */
  getPayjp: (() => Promise<PayjpInstance>) | null;
  /** PAY.JP: the default workflow. */
  workflow: ThreeDSecureWorkflow;
  /** A shopper-facing text in the provider's language. */
  t(key: MessageKey): string;
  /** The shopper-facing text for an error. */
  errorMessage(error: ThreeDSecureError): string;
}

const ThreeDSecureContext = createContext<ThreeDSecureContextValue | null>(null);

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
  children,
}: ThreeDSecureProviderProps) {
  const [ownClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const client = queryClient ?? ownClient;
  const attempts = useMemo(() => (storage === undefined ? createAttemptStore() : createAttemptStore(storage)), [storage]);
  const payjpBackend = backend?.provider === 'payjp';
  // The redirect workflow needs no pay.js, unless card fields are used: then the key is needed anyway.
  if (payjpBackend && workflow !== 'redirect' && !publicKey) {
    throw new ThreeDSecureError('misconfigured', '<ThreeDSecureProvider> with a PAY.JP backend needs publicKey="pk_…" (or workflow="redirect").');
  }
  const getPayjp = useMemo(
    () =>
      payjpBackend && publicKey
        ? createPayjpGetter({ publicKey, locale, threeDSecureWorkflow: workflow, ...(jsUrl ? { jsUrl } : {}), ...(nonce ? { nonce } : {}) })
        : null,
    [payjpBackend, publicKey, locale, workflow, jsUrl, nonce],
  );
  // Fetch pay.js as soon as the provider mounts, so a click costs only the backend round trip.
  useEffect(() => {
    getPayjp?.().catch(() => undefined);
  }, [getPayjp]);
  const value = useMemo<ThreeDSecureContextValue>(
    () => ({
      backend,
      locale,
      queryClient: client,
      attempts,
      getPayjp,
      workflow,
      t: (key) => getMessage(key, locale, messages),
      errorMessage: (error) => getErrorMessage(error, locale, messages),
    }),
    [backend, locale, messages, client, attempts, getPayjp, workflow],
  );
  return <ThreeDSecureContext.Provider value={value}>{children}</ThreeDSecureContext.Provider>;
}

/** The provider's value, or null outside one (for components that also work alone). */
export function useOptionalThreeDSecureContext(): ThreeDSecureContextValue | null {
  return useContext(ThreeDSecureContext);
}

/** The provider's value; throws a message that names the fix when there is none. */
export function useThreeDSecureContext(caller: string): ThreeDSecureContextValue {
  const context = useContext(ThreeDSecureContext);
  if (!context) {
    throw new ThreeDSecureError(
      'misconfigured',
      `${caller}: could not find <ThreeDSecureProvider>. Wrap the part of your app that calls ${caller} in <ThreeDSecureProvider backend={…}>.`,
    );
  }
  return context;
}

/** The provider's Kuroco backend; throws naming the fix when the provider holds another kind. */
export function useKurocoContext(caller: string): ThreeDSecureContextValue & { backend: KurocoBackend } {
  const context = useThreeDSecureContext(caller);
  if (context.backend?.provider !== 'kuroco') {
    throw new ThreeDSecureError(
      'misconfigured',
      `${caller} needs a Kuroco backend: pass backend={createKurocoBackend({ … })} to <ThreeDSecureProvider>.`,
    );
  }
  return context as ThreeDSecureContextValue & { backend: KurocoBackend };
}

/** The provider's PAY.JP backend; throws naming the fix when the provider holds another kind. */
export function usePayjpContext(caller: string): ThreeDSecureContextValue & { backend: PayjpBackend } {
  const context = useThreeDSecureContext(caller);
  if (context.backend?.provider !== 'payjp') {
    throw new ThreeDSecureError(
      'misconfigured',
      `${caller} needs a PAY.JP backend: pass backend={createPayjpBackend({ baseUrl })} and publicKey to <ThreeDSecureProvider>.`,
    );
  }
  return context as ThreeDSecureContextValue & { backend: PayjpBackend };
}
