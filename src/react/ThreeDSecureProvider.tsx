'use client';
import { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createAttemptStore, type AttemptStore } from '../core/attempt/attemptStore';
import { ThreeDSecureError } from '../core/errors';
import type { KurocoBackend } from '../core/kuroco/types';
import { getErrorMessage, getMessage, type Locale, type MessageKey, type MessageOverrides } from '../core/messages';

/** A merchant backend the provider can hold. */
export type ThreeDSecureBackend = KurocoBackend;

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
  children?: ReactNode;
}

/** What hooks read from the provider. */
export interface ThreeDSecureContextValue {
  backend: ThreeDSecureBackend;
  locale: Locale;
  queryClient: QueryClient;
  attempts: AttemptStore;
  /** A shopper-facing text in the provider's language. */
  t(key: MessageKey): string;
  /** The shopper-facing text for an error. */
  errorMessage(error: ThreeDSecureError): string;
}

const ThreeDSecureContext = createContext<ThreeDSecureContextValue | null>(null);

/** Supplies the backend, language and attempt storage to the kit's hooks and components. */
export function ThreeDSecureProvider({ backend, locale = 'ja', messages, queryClient, storage, children }: ThreeDSecureProviderProps) {
  const [ownClient] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  const client = queryClient ?? ownClient;
  const attempts = useMemo(() => (storage === undefined ? createAttemptStore() : createAttemptStore(storage)), [storage]);
  const value = useMemo<ThreeDSecureContextValue>(
    () => ({
      backend,
      locale,
      queryClient: client,
      attempts,
      t: (key) => getMessage(key, locale, messages),
      errorMessage: (error) => getErrorMessage(error, locale, messages),
    }),
    [backend, locale, messages, client, attempts],
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
