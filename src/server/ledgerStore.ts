/**
 * The shared state behind the PAY.JP handler's attempt ledger: what makes "one charge per order"
 * and "one `tds_finish` per charge" hold across the several servers a load balancer spreads
 * shoppers over. Values are opaque strings (the handler writes small JSON records: charge ids,
 * timestamps and amounts, never card data, customer ids or keys; order keys are SHA-256 hashes).
 *
 * Implementations: {@link createMemoryLedgerStore} (the default, one process) and
 * `createRedisLedgerStore` from `react-3ds-kit/server/redis` (several processes). Write your own
 * for another database by keeping each method's contract, atomicity included.
 */
export interface LedgerStore {
  /**
   * Stores `value` under `key` for `ttlMs` only when `key` holds no live value, atomically (two
   * concurrent calls on one key: exactly one `true`). Used for leases and order claims.
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** The live value under `key`, or `null` (absent or expired). */
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key` for `ttlMs`, replacing whatever was there. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Deletes `key`. With `ifValue`, only while it still holds exactly that value (atomically), so
   * a holder whose lease ran out never deletes the next holder's. `true` when something was deleted.
   */
  delete(key: string, ifValue?: string): Promise<boolean>;
  /** Adds charge `id` to the open attempts (`since`: creation time in ms, the list's order). */
  addOpen(id: string, since: number): Promise<void>;
  /** Removes charge `id` from the open attempts (settled: paid, failed or expired). */
  removeOpen(id: string): Promise<void>;
  /** Up to `limit` open attempts, oldest first (what `reconcile()` walks). */
  listOpen(limit: number): Promise<string[]>;
}
