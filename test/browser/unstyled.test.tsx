// Without `import 'react-3ds-kit/styles.css'` the components look as they did before the stylesheet:
// the browser's defaults, no inline styles from the kit, only class names and data attributes to
// hook a merchant's own CSS onto. (This file runs in its own frame, so styles.test.tsx's import of
// the stylesheet does not reach it.)
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { StyleGallery } from '../support/StyleGallery';

describe('components without the stylesheet', () => {
  it('add no inline style and keep the UA look, with className and data-state hooks', async () => {
    const screen = await render(<StyleGallery />);
    await expect.poll(() => document.querySelectorAll('[data-payjp-field] input').length, { timeout: 15_000 }).toBe(3);
    const roots = [...screen.container.querySelectorAll<HTMLElement>('.r3k-root')];
    expect(roots.length).toBeGreaterThanOrEqual(3);
    // Everything the kit renders, but not what payjs mounts inside its field hosts (PAY.JP's, styled by its `style` option).
    const kitElements = [...screen.container.querySelectorAll<HTMLElement>('*')].filter((element) => !element.parentElement?.closest('[data-payjp-field]'));
    expect(kitElements.filter((element) => element.hasAttribute('style')).map((element) => element.outerHTML.slice(0, 80))).toEqual([]);
    for (const root of roots) {
      expect(getComputedStyle(root).paddingTop).toBe('0px');
      expect(getComputedStyle(root).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    }
    const button = screen.container.querySelector<HTMLElement>('.r3k-button')!;
    expect(getComputedStyle(button).backgroundColor).not.toBe('rgb(11, 92, 173)');
    expect(screen.container.querySelector('.r3k-checkout')?.getAttribute('data-state')).toBe('idle');
    expect(screen.container.querySelector('.r3k-return-status')?.getAttribute('data-state')).toMatch(/^(checking|failed)$/);
  });

  it('keeps the app className after the kit classes', async () => {
    const { ThreeDSecureReturnStatus } = await import('../../src/react/ThreeDSecureReturnStatus');
    const { ThreeDSecureProvider } = await import('../../src/react/ThreeDSecureProvider');
    const { createKurocoBackend } = await import('../../src/core/kuroco/createKurocoBackend');
    const backend = createKurocoBackend({ baseUrl: location.origin, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/r' });
    const screen = await render(
      <ThreeDSecureProvider backend={backend}>
        <ThreeDSecureReturnStatus className="shop-return" />
      </ThreeDSecureProvider>,
    );
    expect(screen.container.firstElementChild?.className).toBe('r3k-root r3k-return-status shop-return');
  });
});
