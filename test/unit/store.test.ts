import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/core/store';

describe('createStore', () => {
  it('notifies listeners of new states and skips identical ones', () => {
    const store = createStore(1);
    const listener = vi.fn();
    store.subscribe(listener);
    store.setState(2);
    store.setState(2);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(2);
  });

  it('starts work with the first listener and stops it a task after the last leaves', async () => {
    const onActive = vi.fn();
    const onIdle = vi.fn();
    const store = createStore(0, { onActive, onIdle });
    const off = store.subscribe(() => {});
    expect(onActive).toHaveBeenCalledTimes(1);
    off();
    expect(onIdle).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 5));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('treats a StrictMode unsubscribe/resubscribe pair as one continuous subscription', async () => {
    const onActive = vi.fn();
    const onIdle = vi.fn();
    const store = createStore(0, { onActive, onIdle });
    const first = store.subscribe(() => {});
    first();
    store.subscribe(() => {});
    await new Promise((r) => setTimeout(r, 5));
    expect(onActive).toHaveBeenCalledTimes(1);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
