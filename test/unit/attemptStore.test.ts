import { describe, expect, it } from 'vitest';
import { ATTEMPT_STORAGE_KEY, createAttemptId, createAttemptStore, type KurocoAttempt } from '../../src/core/attempt/attemptStore';

const attempt: KurocoAttempt = { provider: 'kuroco', id: 'att_1', orderIds: [1001], createdAt: 1 };

describe('createAttemptStore', () => {
  it('keeps the attempt in sessionStorage across store instances (a full page load)', () => {
    createAttemptStore().save(attempt);
    expect(JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? 'null')).toEqual(attempt);
    expect(createAttemptStore().load()).toEqual(attempt);
  });

  it('settles only the attempt with the same id', () => {
    const store = createAttemptStore();
    store.save(attempt);
    store.settle('att_other', { status: 'succeeded' });
    expect(store.load()?.outcome).toBeUndefined();
    store.settle('att_1', { status: 'failed', code: 'three_d_secure_failed' });
    expect(createAttemptStore().load()?.outcome).toEqual({ status: 'failed', code: 'three_d_secure_failed' });
  });

  it('ignores corrupt or foreign values instead of throwing', () => {
    sessionStorage.setItem(ATTEMPT_STORAGE_KEY, '{not json');
    expect(createAttemptStore().load()).toBeNull();
    sessionStorage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ provider: 'kuroco', id: 1 }));
    expect(createAttemptStore().load()).toBeNull();
  });

  it('falls back to memory when storage throws, so the page still keeps the order ids', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    const store = createAttemptStore(broken);
    store.save(attempt);
    expect(store.load()).toEqual(attempt);
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('creates distinct ids', () => {
    expect(createAttemptId()).toMatch(/^att_[0-9a-f]{18}$/);
    expect(createAttemptId()).not.toBe(createAttemptId());
  });
});
