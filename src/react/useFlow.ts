'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Flow, FlowSnapshot } from '../core/flow/types';

/** Any flow (its input and options are whatever its own type says). */
type AnyFlow = Flow<never, FlowSnapshot, never>;

/**
 * The one hook adapter (TanStack's `useMutation` shape): the flow is made once per component, its
 * options follow every render through `setOptions`, and its snapshot is read with
 * `useSyncExternalStore`. Returns the flow (with its own type, extra methods included) and its current snapshot.
 */
export function useFlow<TFlow extends AnyFlow>(
  create: (options: Parameters<TFlow['setOptions']>[0]) => TFlow,
  options: Parameters<TFlow['setOptions']>[0],
): [TFlow, ReturnType<TFlow['getSnapshot']>] {
  const [flow] = useState(() => create(options));
  useEffect(() => {
    flow.setOptions(options);
  }, [flow, options]);
  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot) as ReturnType<TFlow['getSnapshot']>;
  return [flow, snapshot];
}
