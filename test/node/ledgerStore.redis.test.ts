import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLedgerStore } from '../../src/server/createRedisLedgerStore';
import { startRedisServer, type TestRedisServer } from '../support/redisServer';
import { itKeepsTheLedgerStoreContract } from './ledgerStoreContract';

/** The Redis adapter against a real redis-server (Debian's), started and stopped here. */
let server: TestRedisServer;
let client: ReturnType<typeof createClient>;
let prefixes = 0;

beforeAll(async () => {
  server = await startRedisServer();
  client = createClient({ url: server.url });
  await client.connect();
}, 30_000);

afterAll(async () => {
  await client?.quit();
  await server?.stop();
});

describe('createRedisLedgerStore on a real redis-server', () => {
  // A fresh prefix per test: one server, no test sees another's keys.
  itKeepsTheLedgerStoreContract(
    () => createRedisLedgerStore(client, { prefix: `t${(prefixes += 1)}:` }),
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    60,
  );

  it('keeps its keys under the prefix, with Redis expiry, and apart from other prefixes', async () => {
    const shopA = createRedisLedgerStore(client, { prefix: 'shop-a:' });
    const shopB = createRedisLedgerStore(client, { prefix: 'shop-b:' });
    expect(await shopA.setIfAbsent('order:x', 'a', 60_000)).toBe(true);
    expect(await shopB.setIfAbsent('order:x', 'b', 60_000)).toBe(true);
    await shopA.addOpen('ch_1', 1);
    expect(await shopB.listOpen(10)).toEqual([]);
    const ttl = await client.pTTL('shop-a:k:order:x');
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await client.zRange('shop-a:open', 0, -1)).toEqual(['ch_1']);
  });

  it('two adapters on two connections agree (as two servers would)', async () => {
    const other = createClient({ url: server.url });
    await other.connect();
    try {
      const prefix = `pair${(prefixes += 1)}:`;
      const one = createRedisLedgerStore(client, { prefix });
      const two = createRedisLedgerStore(other, { prefix });
      const claims = await Promise.all([one.setIfAbsent('lease:ch_9', 'one', 60_000), two.setIfAbsent('lease:ch_9', 'two', 60_000)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const holder = claims[0] ? 'one' : 'two';
      expect(await two.get('lease:ch_9')).toBe(holder);
      expect(await one.delete('lease:ch_9', holder === 'one' ? 'two' : 'one')).toBe(false);
      expect(await two.delete('lease:ch_9', holder)).toBe(true);
    } finally {
      await other.quit();
    }
  });

  it('refuses something that is not a node-redis client, and nonsense TTLs', async () => {
    expect(() => createRedisLedgerStore({} as never)).toThrow(/sendCommand/);
    await expect(createRedisLedgerStore(client).set('k', 'v', 0)).rejects.toThrow(TypeError);
  });
});
