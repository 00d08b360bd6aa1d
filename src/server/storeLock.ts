import { createKeyedLock } from './keyedLock';
import type { LedgerStore } from './ledgerStore';
import { RouteError } from './routeError';

/** How long a finish may hold a charge's lease: PAY.JP calls time out after 10 s, a finish makes two or three. */
export const LEASE_TTL_MS = 30_000;

/** Raised when another holder keeps the lease past the wait (answered 503, retry later). */
export class LeaseBusy extends RouteError {
  constructor(key: string) {
    super(503, 'backend_error', `Another server is working on ${key}: retry shortly`, { headers: { 'retry-after': '1' } });
  }
}

/** Runs `task` holding the lease on `key`, in this process and in the store. */
export type StoreLock = <T>(key: string, task: () => Promise<T>, options?: { waitMs?: number }) => Promise<T>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function leaseToken(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A lock per key across every process sharing `store`: waiters in this process queue in memory
 * (no polling among themselves), then the head takes a lease in the store by set-if-absent with a
 * TTL. The lease is released (compare-and-delete, so only by its holder) when the task settles;
 * a crashed holder's lease simply expires after {@link LEASE_TTL_MS}. By default a waiter polls
 * for as long as a lease can live; `waitMs: 0` gives up at once ({@link LeaseBusy}).
 */
export function createStoreLock(store: LedgerStore, options: { ttlMs?: number; now?: () => number } = {}): StoreLock {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const now = options.now ?? Date.now;
  const local = createKeyedLock();
  return (key, task, { waitMs = ttlMs + 5_000 } = {}) =>
    local(key, async () => {
      const leaseKey = `lease:${key}`;
      const token = leaseToken();
      const deadline = now() + waitMs;
      let pause = 20;
      while (!(await store.setIfAbsent(leaseKey, token, ttlMs))) {
        if (now() >= deadline) throw new LeaseBusy(key);
        await sleep(Math.min(pause, Math.max(1, deadline - now())));
        pause = Math.min(pause * 2, 250);
      }
      try {
        return await task();
      } finally {
        // A failed release only delays the next holder until the lease expires.
        await store.delete(leaseKey, token).catch(() => false);
      }
    });
}
