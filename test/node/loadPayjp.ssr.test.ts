import { expect, it } from 'vitest';
import { loadPayjp } from '../../src/core/payjp/loadPayjp';

it('resolves null during server rendering (no window, no document)', async () => {
  expect(typeof window).toBe('undefined');
  await expect(loadPayjp()).resolves.toBeNull();
});
