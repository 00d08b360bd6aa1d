import { expect, test, type Page } from '@playwright/test';

// Two pages of one browser context are two tabs of one origin: they share Web Locks and BroadcastChannel.
declare global {
  interface Window {
    hasLocks(): boolean;
    claim(key: string): Promise<'owner' | 'follower'>;
    watch(key: string): Promise<'follower' | null>;
    publish(key: string, update: { type: 'progress' | 'result'; data: { step: string } }): void;
    release(key: string): void;
    events(key: string): unknown[];
  }
}

async function open(page: Page, fallback: boolean) {
  await page.goto(`/tabs.html${fallback ? '?fallback=1' : ''}`);
  await expect(page).toHaveTitle('Tabs ready');
  expect(await page.evaluate(() => window.hasLocks())).toBe(!fallback);
}

for (const fallback of [false, true]) {
  const mode = fallback ? 'BroadcastChannel fallback (no navigator.locks)' : 'Web Locks';
  test.describe(mode, () => {
    test('two tabs claiming one key at once: exactly one owner; the follower sees progress, then the result', async ({ context }) => {
      const a = await context.newPage();
      const b = await context.newPage();
      await open(a, fallback);
      await open(b, fallback);
      const kinds = await Promise.all([a.evaluate(() => window.claim('order-1')), b.evaluate(() => window.claim('order-1'))]);
      expect([...kinds].sort()).toEqual(['follower', 'owner']);
      const [owner, follower] = kinds[0] === 'owner' ? [a, b] : [b, a];
      await owner.evaluate(() => window.publish('order-1', { type: 'progress', data: { step: 'challenging' } }));
      await expect.poll(() => follower.evaluate(() => window.events('order-1'))).toEqual([{ type: 'progress', data: { step: 'challenging' } }]);
      await owner.evaluate(() => {
        window.publish('order-1', { type: 'result', data: { step: 'succeeded' } });
        window.release('order-1');
      });
      await expect
        .poll(() => follower.evaluate(() => window.events('order-1')))
        .toEqual([
          { type: 'progress', data: { step: 'challenging' } },
          { type: 'result', data: { step: 'succeeded' } },
        ]);
      // Released: the key is free again (the lock lets go asynchronously, after the result is out), and another key was never taken.
      await expect.poll(() => follower.evaluate(() => window.claim('order-1'))).toBe('owner');
      expect(await owner.evaluate(() => window.claim('order-2'))).toBe('owner');
    });

    test('a tab opened later follows the running one from its latest progress', async ({ context }) => {
      const a = await context.newPage();
      await open(a, fallback);
      expect(await a.evaluate(() => window.claim('card-1'))).toBe('owner');
      await a.evaluate(() => window.publish('card-1', { type: 'progress', data: { step: 'verifying' } }));
      const b = await context.newPage();
      await open(b, fallback);
      expect(await b.evaluate(() => window.watch('card-1'))).toBe('follower');
      await expect.poll(() => b.evaluate(() => window.events('card-1'))).toEqual([{ type: 'progress', data: { step: 'verifying' } }]);
      expect(await b.evaluate(() => window.watch('card-2'))).toBeNull();
    });

    test('the owner tab closes without releasing: the follower hears "released" and can take the key', async ({ context }) => {
      const a = await context.newPage();
      const b = await context.newPage();
      await open(a, fallback);
      await open(b, fallback);
      expect(await a.evaluate(() => window.claim('charge-1'))).toBe('owner');
      expect(await b.evaluate(() => window.claim('charge-1'))).toBe('follower');
      await a.close();
      // Web Locks: the browser frees the lock; the fallback: the heartbeats stop (900 ms).
      await expect.poll(() => b.evaluate(() => window.events('charge-1')), { timeout: 10_000 }).toEqual([{ type: 'released' }]);
      expect(await b.evaluate(() => window.claim('charge-1'))).toBe('owner');
    });
  });
}
