import { describe, expect, it } from 'vitest';
import { createMemoryLedgerStore } from '../../src/server';
import { itKeepsTheLedgerStoreContract } from './ledgerStoreContract';

describe('createMemoryLedgerStore (fake clock)', () => {
  let clock = 1_000_000;
  itKeepsTheLedgerStoreContract(
    () => {
      clock = 1_000_000;
      return createMemoryLedgerStore({ now: () => clock });
    },
    async (ms) => {
      clock += ms;
    },
  );

  it('a value lives exactly its TTL on the store clock', async () => {
    let now = 0;
    const store = createMemoryLedgerStore({ now: () => now });
    await store.set('k', 'v', 1000);
    now = 999;
    expect(await store.get('k')).toBe('v');
    expect(await store.setIfAbsent('k', 'w', 1000)).toBe(false);
    now = 1000;
    expect(await store.get('k')).toBeNull();
    expect(await store.delete('k')).toBe(false);
  });

  it('stays bounded: expired keys go first, then the oldest live ones', async () => {
    let now = 0;
    const store = createMemoryLedgerStore({ maxEntries: 3, now: () => now });
    await store.set('short', '1', 10);
    await store.set('old', '2', 10_000);
    await store.set('mid', '3', 10_000);
    now = 20;
    await store.set('new', '4', 10_000);
    // `short` had expired: dropped instead of a live key.
    expect(await Promise.all(['short', 'old', 'mid', 'new'].map((key) => store.get(key)))).toEqual([null, '2', '3', '4']);
    await store.set('newest', '5', 10_000);
    expect(await Promise.all(['old', 'mid', 'new', 'newest'].map((key) => store.get(key)))).toEqual([null, '3', '4', '5']);
    for (let index = 0; index < 5; index += 1) await store.addOpen(`ch_${index}`, index);
    expect(await store.listOpen(10)).toEqual(['ch_2', 'ch_3', 'ch_4']);
  });

  it('refuses a useless bound', () => {
    expect(() => createMemoryLedgerStore({ maxEntries: 0 })).toThrow(TypeError);
  });
});
