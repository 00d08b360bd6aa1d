import type { TabClaim, TabCoordinator, TabCoordinatorOptions, TabFollowEvent, TabFollower, TabOwner, TabUpdate } from './types';
import { createTabId, readWire, type TabWire } from './wire';

interface Owned<T> {
  last?: TabUpdate<T>;
  /** Web Locks: resolves the held lock's callback. */
  releaseLock?: () => void;
  /** Fallback: the heartbeat timer. */
  heartbeat?: ReturnType<typeof setInterval>;
}

interface Following<T> {
  key: string;
  listeners: Set<(event: TabFollowEvent<T>) => void>;
  last?: TabUpdate<T>;
  lastSeen: number;
  /** A result or `released` was delivered: nothing more will come. */
  done: boolean;
  stop(): void;
}

interface PendingClaim<T> {
  holder: string | null;
  last?: TabUpdate<T>;
}

function defaultLocks(): LockManager | null {
  try {
    return (globalThis.navigator as Navigator | undefined)?.locks ?? null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One running flow per key (an order, a card, a charge) across the tabs of an origin. With the
 * Web Locks API the key is a lock (`navigator.locks.request(name, { ifAvailable: true })`), which
 * the browser frees when the holding tab closes or crashes. Without it, tabs agree over a
 * BroadcastChannel: a claim listens briefly for a holder or a rival (the lowest id wins), and the
 * owner sends heartbeats so that followers notice a closed tab. Either way the owner's progress
 * and result travel on the BroadcastChannel. Without BroadcastChannel (very old browsers, server
 * rendering) every claim owns: nothing is coordinated, nothing is blocked.
 */
export function createTabCoordinator<T = unknown>(options: TabCoordinatorOptions): TabCoordinator<T> {
  const { name } = options;
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const settleMs = options.settleMs ?? 150;
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 3500;
  const id = createTabId();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`react-3ds-kit:tabs:${name}`) : null;
  const owned = new Map<string, Owned<T>>();
  const following = new Set<Following<T>>();
  const pending = new Map<string, Set<PendingClaim<T>>>();
  const lockName = (key: string) => `react-3ds-kit:${name}:${key}`;

  const post = (wire: TabWire<T>) => {
    try {
      channel?.postMessage(wire);
    } catch {
      // A closed channel or data that cannot be cloned: followers fall back to liveness.
    }
  };

  const deliver = (entry: Following<T>, event: TabFollowEvent<T>) => {
    if (entry.done) return;
    if (event.type !== 'released') entry.last = event;
    if (event.type !== 'progress') {
      entry.done = true;
      entry.stop();
    }
    for (const listener of [...entry.listeners]) listener(event);
  };

  const onWire = (wire: TabWire<T>) => {
    const mine = owned.get(wire.key);
    if ((wire.type === 'query' || wire.type === 'claiming') && mine) {
      post({ v: 1, type: 'held', key: wire.key, from: id, ...(mine.last ? { last: mine.last } : {}) });
    }
    for (const claim of pending.get(wire.key) ?? []) {
      if (wire.type === 'held') {
        claim.holder = wire.from;
        if (wire.last) claim.last = wire.last;
      } else if (wire.type === 'claiming' && wire.from < id && claim.holder === null) {
        claim.holder = wire.from;
      }
    }
    for (const entry of following) {
      if (entry.key !== wire.key) continue;
      if (wire.type === 'held' || wire.type === 'update') entry.lastSeen = Date.now();
      if (wire.type === 'held' && wire.last && !entry.last) deliver(entry, wire.last);
      else if (wire.type === 'update') deliver(entry, wire.update);
      else if (wire.type === 'released') deliver(entry, { type: 'released' });
    }
  };

  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const wire = readWire<T>(event.data);
      if (wire && wire.from !== id) onWire(wire);
    };
  }

  function follower(key: string, last?: TabUpdate<T>): TabFollower<T> {
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const entry: Following<T> = {
      key,
      listeners: new Set(),
      lastSeen: Date.now(),
      done: false,
      stop() {
        following.delete(entry);
        if (timer !== undefined) clearInterval(timer);
        controller?.abort();
      },
    };
    if (last) entry.last = last;
    following.add(entry);
    if (locks && controller) {
      // Queued behind the owner: granted when it releases or its tab goes away. A short grace lets
      // a result posted just before the release arrive first.
      locks
        .request(lockName(key), { signal: controller.signal }, async () => {
          await sleep(settleMs);
          deliver(entry, { type: 'released' });
        })
        .catch(() => undefined);
    } else if (!locks) {
      timer = setInterval(() => {
        if (Date.now() - entry.lastSeen > staleAfterMs) deliver(entry, { type: 'released' });
      }, heartbeatMs);
    }
    // Ask for the owner's latest update (a late follower still sees where it is).
    post({ v: 1, type: 'query', key, from: id });
    return {
      kind: 'follower',
      key,
      follow(listener) {
        entry.listeners.add(listener);
        if (entry.last) listener(entry.last);
        return () => entry.listeners.delete(listener);
      },
      unsubscribe: () => {
        entry.listeners.clear();
        entry.stop();
      },
    };
  }

  function owner(key: string, state: Owned<T>): TabOwner<T> {
    owned.set(key, state);
    let released = false;
    return {
      kind: 'owner',
      key,
      publish(update) {
        if (released) return;
        state.last = update;
        post({ v: 1, type: 'update', key, from: id, update });
        for (const entry of following) if (entry.key === key) deliver(entry, update);
      },
      release() {
        if (released) return;
        released = true;
        if (owned.get(key) === state) owned.delete(key);
        if (state.heartbeat !== undefined) clearInterval(state.heartbeat);
        post({ v: 1, type: 'released', key, from: id });
        for (const entry of following) if (entry.key === key) deliver(entry, { type: 'released' });
        state.releaseLock?.();
      },
    };
  }

  async function listen(key: string, claiming: boolean): Promise<PendingClaim<T>> {
    const claim: PendingClaim<T> = { holder: null };
    const set = pending.get(key) ?? new Set();
    set.add(claim);
    pending.set(key, set);
    post({ v: 1, type: 'query', key, from: id });
    if (claiming) post({ v: 1, type: 'claiming', key, from: id });
    await sleep(settleMs);
    set.delete(claim);
    if (set.size === 0) pending.delete(key);
    return claim;
  }

  async function claimWithLocks(manager: LockManager, key: string): Promise<TabClaim<T>> {
    return new Promise<TabClaim<T>>((resolve, reject) => {
      manager
        .request(lockName(key), { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(owned.has(key) ? follower(key, owned.get(key)?.last) : follower(key));
            return undefined;
          }
          // Held until release() (or until the tab goes away, when the browser frees it).
          return new Promise<void>((releaseLock) => resolve(owner(key, { releaseLock })));
        })
        .catch(reject);
    });
  }

  async function claimWithChannel(key: string): Promise<TabClaim<T>> {
    const local = owned.get(key);
    if (local) return follower(key, local.last);
    const heard = await listen(key, true);
    if (heard.holder !== null || owned.has(key)) return follower(key, heard.last ?? owned.get(key)?.last);
    const state: Owned<T> = {};
    const claim = owner(key, state);
    const beat = () => post({ v: 1, type: 'held', key, from: id, ...(state.last ? { last: state.last } : {}) });
    beat();
    state.heartbeat = setInterval(beat, heartbeatMs);
    return claim;
  }

  return {
    claim(key) {
      if (!channel) return Promise.resolve(owner(key, {}));
      return locks ? claimWithLocks(locks, key) : claimWithChannel(key);
    },
    async watch(key) {
      if (!channel) return null;
      const local = owned.get(key);
      if (local) return follower(key, local.last);
      if (locks) {
        const snapshot = await locks.query().catch(() => null);
        const held = snapshot?.held?.some((lock) => lock.name === lockName(key)) ?? false;
        return held ? follower(key) : null;
      }
      const heard = await listen(key, false);
      return heard.holder !== null ? follower(key, heard.last) : null;
    },
    close() {
      for (const [key] of owned) post({ v: 1, type: 'released', key, from: id });
      for (const state of owned.values()) {
        if (state.heartbeat !== undefined) clearInterval(state.heartbeat);
        state.releaseLock?.();
      }
      owned.clear();
      for (const entry of [...following]) entry.stop();
      channel?.close();
    },
  };
}
