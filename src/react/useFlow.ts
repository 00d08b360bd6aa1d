'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Flow, FlowSnapshot } from '../core/flow/types';

/**
 * The one hook adapter (TanStack's `useMutation` shape): the flow is made once per component, its
 * options follow every render through `setOptions`, and its snapshot is read with
 * `useSyncExternalStore`. Returns the flow and its current snapshot.
 */
export function useFlow<TInput, TSnapshot extends FlowSnapshot, TOptions>(
  create: (options: TOptions) => Flow<TInput, TSnapshot, TOptions>,
  options: TOptions,
): [Flow<TInput, TSnapshot, TOptions>, TSnapshot] {
  const [flow] = useState(() => create(options));
  useEffect(() => {
    flow.setOptions(options);
  }, [flow, options]);
  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  return [flow, snapshot];
}
