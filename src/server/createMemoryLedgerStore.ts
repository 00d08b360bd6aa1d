import type { LedgerStore } from './ledgerStore';

/** Options of {@link createMemoryLedgerStore}. */
export interface MemoryLedgerStoreOptions {
  /**
   * At most this many keys and this many open attempts; past it the oldest go first (expired
   * keys before live ones), so memory stays bounded however long the process runs.
   * @default 10000
   */
  maxEntries?: number;
  /** The clock for TTLs, in milliseconds since the epoch (fake it in tests). @default Date.now */
  now?(): number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * The default {@link LedgerStore}: a bounded in-memory map, for one process. Enough for a single
 * server (and the one-command start); with several servers, each would only see its own
 * attempts: use a shared store such as `createRedisLedgerStore` instead.
 */
export function createMemoryLedgerStore(options: MemoryLedgerStoreOptions = {}): LedgerStore {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new TypeError('createMemoryLedgerStore: maxEntries must be a positive integer');
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const open = new Map<string, number>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const put = (key: string, value: string, ttlMs: number) => {
    // Re-inserted at the end: the Map's order is the eviction order.
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlMs });
    if (entries.size <= maxEntries) return;
    const at = now();
    for (const [name, entry] of entries) if (entry.expiresAt <= at) entries.delete(name);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  // Async like any shared store, but each method's body runs in one turn: atomic by construction.
  return {
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      put(key, value, ttlMs);
      return true;
    },
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async delete(key, ifValue) {
      const entry = live(key);
      if (!entry || (ifValue !== undefined && entry.value !== ifValue)) return false;
      entries.delete(key);
      return true;
    },
    async addOpen(id, since) {
      if (!open.has(id)) open.set(id, since);
      while (open.size > maxEntries) {
        const oldest = [...open.entries()].reduce((a, b) => (b[1] < a[1] ? b : a));
        open.delete(oldest[0]);
      }
    },
    async removeOpen(id) {
      open.delete(id);
    },
    async listOpen(limit) {
      return [...open.entries()]
        .sort((a, b) => a[1] - b[1])
        .slice(0, Math.max(0, limit))
        .map(([id]) => id);
    },
  };
}
