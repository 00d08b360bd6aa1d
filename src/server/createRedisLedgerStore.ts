import type { LedgerStore } from './ledgerStore';

/**
 * The part of a node-redis client (`redis` 4.6 or later: `createClient()` from `redis` or
 * `@redis/client`, connected) the adapter uses: raw commands only, so the kit never imports the
 * client and works with every major that has `sendCommand`. A cluster client does not fit (its
 * `sendCommand` takes a routing key first).
 */
export interface RedisLedgerClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Options of {@link createRedisLedgerStore}. */
export interface RedisLedgerStoreOptions {
  /**
   * Prepended to every key the ledger writes, so one Redis can hold several shops or
   * environments (`shop-a:`, `staging:`). Must be the same on every server of one shop.
   * @default 'react3ds:'
   */
  prefix?: string;
}

// Compare-and-delete in one step: a lease is released only by the holder that still has it.
const DELETE_IF_VALUE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

function positiveMs(ttlMs: number): string {
  if (!Number.isFinite(ttlMs) || ttlMs < 1) throw new TypeError(`createRedisLedgerStore: ttlMs must be at least 1, got ${ttlMs}`);
  return String(Math.ceil(ttlMs));
}

/**
 * A {@link LedgerStore} on Redis, for several servers behind a load balancer: pass the client
 * your app made and connected (`createClient({ url })` from `redis`, then `await client.connect()`);
 * the kit does not open, close or configure it. Keys are strings with Redis's own expiry
 * (`SET … NX PX`), the open attempts one sorted set by creation time. Use a Redis that keeps data
 * across its own restarts if a restart must not forget open attempts (reconcile() then misses
 * them; charges are never finished twice either way, PAY.JP is re-read first).
 *
 * Lives in `react-3ds-kit/server/redis`, so apps without Redis never load it.
 */
export function createRedisLedgerStore(client: RedisLedgerClient, options: RedisLedgerStoreOptions = {}): LedgerStore {
  if (!client || typeof client.sendCommand !== 'function') {
    throw new TypeError('createRedisLedgerStore: pass a connected node-redis client (createClient() from `redis`): it needs sendCommand');
  }
  const prefix = options.prefix ?? 'react3ds:';
  if (typeof prefix !== 'string') throw new TypeError('createRedisLedgerStore: prefix must be a string');
  const openKey = `${prefix}open`;
  const keyOf = (key: string) => `${prefix}k:${key}`;
  const run = (args: string[]) => client.sendCommand(args);

  return {
    async setIfAbsent(key, value, ttlMs) {
      return (await run(['SET', keyOf(key), value, 'NX', 'PX', positiveMs(ttlMs)])) !== null;
    },
    async get(key) {
      const value = await run(['GET', keyOf(key)]);
      return typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : null;
    },
    async set(key, value, ttlMs) {
      await run(['SET', keyOf(key), value, 'PX', positiveMs(ttlMs)]);
    },
    async delete(key, ifValue) {
      const deleted = ifValue === undefined ? await run(['DEL', keyOf(key)]) : await run(['EVAL', DELETE_IF_VALUE, '1', keyOf(key), ifValue]);
      return Number(deleted) > 0;
    },
    async addOpen(id, since) {
      await run(['ZADD', openKey, 'NX', String(since), id]);
    },
    async removeOpen(id) {
      await run(['ZREM', openKey, id]);
    },
    async listOpen(limit) {
      if (limit < 1) return [];
      const ids = await run(['ZRANGE', openKey, '0', String(Math.floor(limit) - 1)]);
      return Array.isArray(ids) ? ids.map(String) : [];
    },
  };
}
