import { useEffect, useLayoutEffect, useRef } from 'react';

// useLayoutEffect warns during server rendering; there is nothing to keep current on the server anyway.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** A ref that always holds the latest value, for callbacks read inside effects. */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
