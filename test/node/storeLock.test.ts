import { describe, expect, it } from 'vitest';
import { createMemoryLedgerStore } from '../../src/server';
import { createStoreLock, LeaseBusy } from '../../src/server/storeLock';

describe('createStoreLock: the finish lock as a lease in the ledger store', () => {
  it('two locks on one store (two servers) never overlap on a key, and do not block other keys', async () => {
    const store = createMemoryLedgerStore();
    const serverA = createStoreLock(store);
    const serverB = createStoreLock(store);
    let inside = 0;
    let most = 0;
    const order: string[] = [];
    const task = (name: string) => async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(name);
      inside -= 1;
      return name;
    };
    const results = await Promise.all([serverA('ch_1', task('a1')), serverB('ch_1', task('b1')), serverA('ch_1', task('a2')), serverB('ch_1', task('b2'))]);
    expect(results.sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(most).toBe(1);
    expect(await store.get('lease:ch_1')).toBeNull();
    // Another key is free while ch_1 is held.
    let released: () => void = () => undefined;
    const held = serverA('ch_1', () => new Promise<void>((resolve) => (released = resolve)));
    await expect(serverB('ch_2', async () => 'free', { waitMs: 0 })).resolves.toBe('free');
    await expect(serverB('ch_1', async () => 'busy', { waitMs: 0 })).rejects.toBeInstanceOf(LeaseBusy);
    released();
    await held;
  });

  it('a crashed holder’s lease expires after its TTL; the lease is released after a failing task', async () => {
    let clock = 0;
    const store = createMemoryLedgerStore({ now: () => clock });
    // A server that took the lease and died: nobody will release it.
    expect(await store.setIfAbsent('lease:ch_1', 'crashed-holder', 30_000)).toBe(true);
    const lock = createStoreLock(store, { ttlMs: 30_000 });
    const busy = await lock('ch_1', async () => 'ran', { waitMs: 0 }).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(LeaseBusy);
    expect((busy as LeaseBusy).status).toBe(503);
    clock += 30_000;
    await expect(lock('ch_1', async () => 'ran', { waitMs: 0 })).resolves.toBe('ran');
    await expect(lock('ch_1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await store.get('lease:ch_1')).toBeNull();
  });

  it('a holder whose lease ran out does not release the next holder’s lease', async () => {
    let clock = 0;
    const store = createMemoryLedgerStore({ now: () => clock });
    const slow = createStoreLock(store, { ttlMs: 1000 });
    const other = createStoreLock(store, { ttlMs: 1000 });
    let finishSlow: () => void = () => undefined;
    const first = slow('ch_1', () => new Promise<void>((resolve) => (finishSlow = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    clock += 1000;
    let finishOther: () => void = () => undefined;
    const second = other('ch_1', () => new Promise<void>((resolve) => (finishOther = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const otherLease = await store.get('lease:ch_1');
    expect(otherLease).not.toBeNull();
    finishSlow();
    await first;
    expect(await store.get('lease:ch_1')).toBe(otherLease);
    finishOther();
    await second;
    expect(await store.get('lease:ch_1')).toBeNull();
  });
});
