import { expect, it } from 'vitest';
import type { LedgerStore } from '../../src/server';

/**
 * The LedgerStore contract, run against every implementation. `advance(ms)` moves the store's
 * clock: a fake clock for the memory store, real waiting for Redis (so Redis tests use small TTLs).
 */
export function itKeepsTheLedgerStoreContract(make: () => Promise<LedgerStore> | LedgerStore, advance: (ms: number) => Promise<void>, ttl = 100) {
  it('setIfAbsent: exactly one of many concurrent claims wins; get reads it; others see it taken', async () => {
    const store = await make();
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => store.setIfAbsent('order:a', `claim-${index}`, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store.get('order:a')).toBe(`claim-${winner}`);
    expect(await store.setIfAbsent('order:a', 'late', 60_000)).toBe(false);
    expect(await store.get('order:b')).toBeNull();
  });

  it('TTL: a value is gone after its TTL, and the key can be claimed again', async () => {
    const store = await make();
    expect(await store.setIfAbsent('lease:ch_1', 'holder-1', ttl)).toBe(true);
    await advance(ttl * 3);
    expect(await store.get('lease:ch_1')).toBeNull();
    expect(await store.setIfAbsent('lease:ch_1', 'holder-2', 60_000)).toBe(true);
    expect(await store.get('lease:ch_1')).toBe('holder-2');
  });

  it('set replaces the value and the TTL', async () => {
    const store = await make();
    await store.set('attempt:ch_1', '{"a":1}', ttl);
    await store.set('attempt:ch_1', '{"a":2}', 60_000);
    await advance(ttl * 3);
    expect(await store.get('attempt:ch_1')).toBe('{"a":2}');
  });

  it('delete with ifValue only deletes the holder’s own value', async () => {
    const store = await make();
    await store.set('lease:ch_2', 'holder-2', 60_000);
    expect(await store.delete('lease:ch_2', 'holder-1')).toBe(false);
    expect(await store.get('lease:ch_2')).toBe('holder-2');
    expect(await store.delete('lease:ch_2', 'holder-2')).toBe(true);
    expect(await store.get('lease:ch_2')).toBeNull();
    await store.set('k', 'v', 60_000);
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
  });

  it('open attempts: listed oldest first, bounded by limit, added once, removed', async () => {
    const store = await make();
    await store.addOpen('ch_c', 3000);
    await store.addOpen('ch_a', 1000);
    await store.addOpen('ch_b', 2000);
    await store.addOpen('ch_a', 9000);
    expect(await store.listOpen(10)).toEqual(['ch_a', 'ch_b', 'ch_c']);
    expect(await store.listOpen(2)).toEqual(['ch_a', 'ch_b']);
    expect(await store.listOpen(0)).toEqual([]);
    await store.removeOpen('ch_a');
    await store.removeOpen('ch_unknown');
    expect(await store.listOpen(10)).toEqual(['ch_b', 'ch_c']);
  });
}
