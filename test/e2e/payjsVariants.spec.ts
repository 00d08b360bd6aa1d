// The iframe and sub-window flows end to end under two non-default stand-in pay.js variants (set per
// page through the pay.js URL's query, which the app passes through): the challenge is usable, a
// blocked sub-window falls back to the iframe, and nothing of pay.js stays over the page.
import { expect, test, type Page } from '@playwright/test';

const VERIFY = 'カードの本人認証をする';
const DONE = 'カードの本人認証が完了しました。';

const VARIANTS = {
  // The challenge inside a container pay.js made at Payjp() time, hidden helper frames, nested
  // English rejections, and a blocked popup that leaves pay.js's promise pending.
  container: 'payjsOverlay=container&payjsHelperFrames=true&payjsRejection=nested&payjsLanguage=en&popupBlocking=null-window',
  // The challenge from a hosted frame on another path, no helpers, rejections with no value at all.
  'foreign-frame': 'payjsOverlay=foreign-frame&payjsHelperFrames=false&payjsRejection=undefined&popupBlocking=reject',
};

/** The page behind the challenge is out of reach while it is up, focus is in it, and it is the only one. */
async function expectUsableChallenge(page: Page) {
  await expect(page.locator('[role=dialog] iframe')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[inert]') === null && document.activeElement?.tagName)).toBe('IFRAME');
  await expect(page.locator('[role=dialog]')).not.toHaveAttribute('aria-hidden', 'true');
}

async function expectNothingLeft(page: Page) {
  await expect(page.locator('[role=dialog]')).toHaveCount(0);
  const visibleFrames = await page.evaluate(() => Array.from(document.querySelectorAll('iframe')).filter((frame) => frame.getBoundingClientRect().width > 1).length);
  expect(visibleFrames).toBe(0);
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden');
}

for (const [name, query] of Object.entries(VARIANTS)) {
  test.describe(`pay.js variant: ${name}`, () => {
    test('iframe workflow: usable challenge, verified, nothing left', async ({ page }) => {
      await page.goto(`/payjp.html?workflow=iframe&${query}`);
      const verify = page.getByRole('button', { name: VERIFY });
      await expect(verify).toBeEnabled();
      // The test's own note of what was on the page before the call.
      await page.evaluate(() => Array.from(document.body.children).forEach((child) => child.setAttribute('data-test-before', '')));
      await verify.click();
      await expectUsableChallenge(page);
      // The variant is really in force: the dialog shows in a container made before the call, or in a hosted frame.
      const inOldChild = await page.evaluate(() => document.querySelector('[role=dialog]')?.closest('body > *')?.hasAttribute('data-test-before'));
      expect(inOldChild).toBe(name === 'container');
      if (name !== 'container') await expect(page.locator('[role=dialog] iframe')).toHaveAttribute('src', /\/payjs\/v2\/three-d-secure-frame\?/);
      await page.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]').click();
      await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
      await expectNothingLeft(page);
    });

    test('sub-window workflow: a real popup, closed when done', async ({ page }) => {
      await page.goto(`/payjp.html?workflow=subwindow&${query}`);
      const popupOpened = page.waitForEvent('popup');
      await page.getByRole('button', { name: VERIFY }).click();
      const popup = await popupOpened;
      await popup.locator('[data-outcome="verified"]').click();
      await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
      await expect.poll(() => popup.isClosed()).toBe(true);
      await expectNothingLeft(page);
    });

    test('sub-window blocked (window.open returns null): falls back to a usable iframe, then closing it cancels cleanly', async ({ page }) => {
      await page.addInitScript(() => {
        window.open = () => null;
      });
      await page.goto(`/payjp.html?workflow=subwindow&${query}`);
      await page.getByRole('button', { name: VERIFY }).click();
      await expectUsableChallenge(page);
      await page.locator('[role=dialog] button').click();
      await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'canceled', { timeout: 15_000 });
      await expectNothingLeft(page);
    });
  });
}
