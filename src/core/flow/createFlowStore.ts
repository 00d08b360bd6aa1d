import type { ThreeDSecureError } from '../errors';
import { createStore, type ReadableStore } from '../store';
import { guardCallback } from './guardCallback';
import type { FlowCallbacks, FlowSnapshot, FlowStatus } from './types';

/** The flags every snapshot derives from its status: one place, so hooks and components never re-derive them. */
export function deriveFlags(status: FlowStatus, canRetry: boolean): Pick<FlowSnapshot, 'isBusy' | 'canRetry'> {
  return { isBusy: status === 'working', canRetry: status === 'failed' && canRetry };
}

export interface FlowStore<TSnapshot extends FlowSnapshot> extends ReadableStore<TSnapshot> {
  /** Publishes the next snapshot; an outcome (`succeeded` or `failed`) fires the callbacks once. */
  publish(next: TSnapshot): TSnapshot;
}

/**
 * The store under every flow: teardown when the last listener leaves (StrictMode-safe), and the
 * outcome callbacks fired by the flow itself, with the options current at that moment.
 */
export function createFlowStore<TSnapshot extends FlowSnapshot>(
  idle: TSnapshot,
  callbacks: () => FlowCallbacks<TSnapshot> | undefined,
  onIdle: () => void,
): FlowStore<TSnapshot> {
  const store = createStore<TSnapshot>(idle, { onIdle });
  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    publish(next) {
      const previous = store.getSnapshot();
      store.setState(next);
      // Once per outcome: a later patch of the same outcome (a flag) does not fire again.
      if (next.status !== previous.status || next.error !== previous.error) notify(next, callbacks());
      return next;
    },
  };
}

function notify<TSnapshot extends FlowSnapshot>(snapshot: TSnapshot, callbacks: FlowCallbacks<TSnapshot> | undefined) {
  if (snapshot.status === 'succeeded') guardCallback(() => callbacks?.onSucceeded?.(snapshot));
  else if (snapshot.status === 'failed' && snapshot.error) {
    const error: ThreeDSecureError = snapshot.error;
    guardCallback(() => callbacks?.onFailed?.(error, snapshot));
  }
}
