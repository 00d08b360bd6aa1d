// Server rendering: the PaygentToken.js loader does nothing without a DOM.
import { describe, expect, it } from 'vitest';
import { loadPaygentToken } from '../../src/core/paygent/loadPaygentToken';

describe('loadPaygentToken without a DOM', () => {
  it('resolves null and touches nothing', async () => {
    expect(typeof window).toBe('undefined');
    await expect(loadPaygentToken({ jsUrl: '/paygent/js/PaygentToken.js' })).resolves.toBeNull();
  });
});
