'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Flow, FlowSnapshot } from '../core/flow/types';

/**
 * The one hook adapter (TanStack's `useMutation` shape): the flow is made once per component, its
 * options follow every render through `setOptions`, and its snapshot is read with
 * `useSyncExternalStore`. Returns the flow (with its own extra methods, such as `resume`) and its
 * current snapshot.
 */
export function useFlow<TFlow extends Flow<never, FlowSnapshot, TOptions>, TOptions>(
  create: (options: TOptions) => TFlow,
  options: TOptions,
): [TFlow, ReturnType<TFlow['getSnapshot']>] {
  const [flow] = useState(() => create(options));
  useEffect(() => {
    flow.setOptions(options);
  }, [flow, options]);
  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  return [flow, snapshot as ReturnType<TFlow['getSnapshot']>];
}
