'use client';
import { useEffect, useMemo } from 'react';
import type { PayjpBackend } from '../../core/payjp/createPayjpBackend';
import { createPayjsLoader, type PayjsLoader } from '../../core/payjp/createPayjsLoader';
import { useThreeDSecureContext, type ThreeDSecureContextState } from '../ThreeDSecureContext';

/**
 * The provider's PAY.JP state, with a pay.js getter even when the client brings no loader (the
 * provider's `publicKey` props): the first PAY.JP hook makes the loader, kept in the client so the
 * others share it, and starts loading pay.js when it mounts. Only PAY.JP code imports this, so a
 * Kuroco-only app never carries the loader.
 */
export function usePayjpState(caller: string): ThreeDSecureContextState & { backend: PayjpBackend } {
  const context = useThreeDSecureContext(caller, 'payjp');
  const value = useMemo(() => {
    const { payjs, client } = context;
    if (context.getPayjp || !payjs) return context;
    // A backend may bring its own getter (the testing entry's in-memory pay.js).
    const { createPayjs } = context.backend;
    const loader = client.registry.shared<PayjsLoader>(`payjs:${JSON.stringify(payjs)}`, () =>
      createPayjs ? { options: payjs, load: createPayjs(payjs) } : createPayjsLoader(payjs),
    );
    return { ...context, getPayjp: loader.load };
  }, [context]);
  const { getPayjp } = value;
  useEffect(() => {
    if (getPayjp !== context.getPayjp) getPayjp?.().catch(() => undefined);
  }, [getPayjp, context.getPayjp]);
  return value;
}
