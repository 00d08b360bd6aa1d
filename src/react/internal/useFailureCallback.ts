import { useEffect, useRef } from 'react';

/**
 * The failure callback of a drop-in component: `onFailed` (the flow contract's name), else its
 * alias `onError`. When both are given only `onFailed` is called, so an app's failure handling
 * never runs twice for one failure; development builds warn once, naming the prop to remove.
 */
export function useFailureCallback<TCallback>(component: string, onFailed: TCallback | undefined, onError: TCallback | undefined): TCallback | undefined {
  const warned = useRef(false);
  const both = onFailed !== undefined && onError !== undefined;
  useEffect(() => {
    // A ref, not a render-time warning: StrictMode's second effect run and re-renders warn nothing more.
    if (process.env.NODE_ENV === 'production' || !both || warned.current) return;
    warned.current = true;
    console.warn(`${component}: both onFailed and onError were given; only onFailed is called. Remove onError (an alias of onFailed).`);
  }, [both, component]);
  return onFailed ?? onError;
}
