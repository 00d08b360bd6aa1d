/** A value that changes over time, read through `getSnapshot` and watched through `subscribe`. */
export interface ReadableStore<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
}

export interface Store<T> extends ReadableStore<T> {
  setState(next: T): void;
}

export interface StoreLifecycle {
  /** The first listener arrived. */
  onActive?(): void;
  /** The last listener left and none came back within the same task (StrictMode re-subscribes at once). */
  onIdle?(): void;
}

/**
 * A minimal external store for `useSyncExternalStore`. Work starts when someone listens and stops
 * when nobody has listened for a task, so a StrictMode unsubscribe/resubscribe pair costs nothing.
 */
export function createStore<T>(initial: T, lifecycle: StoreLifecycle = {}): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let active = false;

  return {
    getSnapshot: () => state,
    setState(next) {
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (idleTimer !== undefined) {
        clearTimeout(idleTimer);
        idleTimer = undefined;
      }
      if (!active) {
        active = true;
        lifecycle.onActive?.();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || idleTimer !== undefined) return;
        idleTimer = setTimeout(() => {
          idleTimer = undefined;
          if (listeners.size > 0) return;
          active = false;
          lifecycle.onIdle?.();
        }, 0);
      };
    },
  };
}
