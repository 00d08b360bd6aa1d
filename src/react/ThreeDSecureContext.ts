'use client';
import { createContext, useContext } from 'react';
import type { AttemptStore } from '../core/attempt/attemptStore';
import type { ThreeDSecureBackend, ThreeDSecureClient } from '../core/client/createThreeDSecureClient';
import { ThreeDSecureError } from '../core/errors';
import type { Locale, MessageOverrides } from '../core/messages';
import type { PayjpGetterOptions } from '../core/payjp/createPayjpGetter';
import type { PayjpInstance, ThreeDSecureWorkflow } from '../core/payjp/payjs';
import type { ThreeDSecureEvent } from '../core/events';

/** What the provider's `onEvent` receives: the events of every flow under it (PAY.JP, Kuroco, the return page). */
export type ThreeDSecureProviderEvent = ThreeDSecureEvent;

/** What the provider puts in context: the client it holds and the settings every hook reads. */
export interface ThreeDSecureContextState {
  /** The client (given, or built from the provider's `backend`/`storage` props). */
  client: ThreeDSecureClient;
  /** The client's backend. */
  backend: ThreeDSecureBackend;
  /** The client's attempt store. */
  attempts: AttemptStore;
  /** The provider's language. */
  locale: Locale;
  /** The provider's `messages` overrides. */
  messages?: MessageOverrides | undefined;
  /** PAY.JP: the payjs instance, when the client brings a loader (the PAY.JP hooks add one from `payjs` otherwise). */
  getPayjp: (() => Promise<PayjpInstance>) | null;
  /** PAY.JP: what the loader is made from (the client's loader, or the provider's `publicKey`, `jsUrl`, …). */
  payjs: PayjpGetterOptions | null;
  /** PAY.JP: the default workflow. */
  workflow: ThreeDSecureWorkflow;
  /** PAY.JP: the provider's `confirmTimeoutMs`, when set. */
  confirmTimeoutMs?: number | undefined;
  /** The provider's `onEvent`, for the flows to report to. */
  onEvent?: ((event: ThreeDSecureProviderEvent) => void) | undefined;
}

export const ThreeDSecureContext = /* @__PURE__ */ createContext<ThreeDSecureContextState | null>(null);
ThreeDSecureContext.displayName = 'ThreeDSecureContext';

type Kind = ThreeDSecureBackend['provider'];
type StateFor<K extends Kind> = ThreeDSecureContextState & {
  backend: Extract<ThreeDSecureBackend, { provider: K }>;
  client: ThreeDSecureClient<Extract<ThreeDSecureBackend, { provider: K }>>;
};

/**
 * The one accessor: the provider's state for `caller` (a hook or component name, e.g. `'useKurocoPurchase()'`).
 * Throws a `misconfigured` error that names the fix when there is no provider, or when `kind` is
 * given and the provider holds a backend of another kind.
 */
export function useThreeDSecureContext<K extends Kind>(caller: string, kind: K): StateFor<K>;
export function useThreeDSecureContext(caller: string, kind?: Kind): ThreeDSecureContextState;
export function useThreeDSecureContext(caller: string, kind?: Kind): ThreeDSecureContextState {
  const context = useContext(ThreeDSecureContext);
  // The how-to-fix sentences are for the developer: production builds keep only what went wrong.
  if (!context) {
    throw new ThreeDSecureError(
      'misconfigured',
      process.env.NODE_ENV !== 'production'
        ? `${caller}: could not find <ThreeDSecureProvider>. Wrap the part of your app that calls ${caller} in <ThreeDSecureProvider backend={…}>.`
        : `${caller}: no <ThreeDSecureProvider>`,
    );
  }
  if (kind && context.backend?.provider !== kind) {
    if (process.env.NODE_ENV !== 'production') {
      const [name, factory] = kind === 'kuroco' ? ['Kuroco', 'Kuroco'] : ['PAY.JP', 'Payjp'];
      throw new ThreeDSecureError('misconfigured', `${caller} needs a ${name} backend: pass backend={create${factory}Backend({ … })} to <ThreeDSecureProvider>.`);
    }
    throw new ThreeDSecureError('misconfigured', `${caller}: not a ${kind} backend`);
  }
  return context;
}

/** The provider's state, or null outside one (for components that also work alone). */
export function useOptionalThreeDSecureContext(): ThreeDSecureContextState | null {
  return useContext(ThreeDSecureContext);
}
