// Keyboard only, through PAY.JP's challenge overlay (iframe workflow): the kit keeps focus inside it
// (isolateOverlay), Escape cancels, focus comes back to the button, and the status is announced.
import { expect, test, type Page } from '@playwright/test';

const VERIFY = 'カードの本人認証をする';
// The stand-in's dialog (no sandbox marker: tests, like the kit, go by what pay.js shows).
const OVERLAY = '[role=dialog]';

/** Records every text the status live region shows (window.__statusLog). */
async function recordStatus(page: Page) {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as { __statusLog?: string[] }).__statusLog = log;
    new MutationObserver(() => {
      const text = document.querySelector('[role=status]')?.textContent ?? '';
      if (text !== '' && log[log.length - 1] !== text) log.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as { __statusLog?: string[] }).__statusLog ?? []);
}

/** Where focus is: in the overlay (its iframe included), on the body (browser chrome), or on the page behind it. */
const focusIsIn = (page: Page) =>
  page.evaluate((selector) => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.closest(selector) ? 'overlay' : `page: ${active.outerHTML.slice(0, 80)}`;
  }, OVERLAY);

async function tabToVerifyButton(page: Page) {
  const button = page.getByRole('button', { name: VERIFY });
  await expect(button).toBeEnabled();
  for (let i = 0; i < 10 && !(await button.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  return button;
}

test('Tab, Enter, focus trapped in the dialog, Escape cancels, focus returns, status announced', async ({ page }) => {
  const statusLog = await recordStatus(page);
  await page.goto('/payjp.html?workflow=iframe');
  const status = page.getByRole('status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  const button = await tabToVerifyButton(page);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toHaveAccessibleName(/.+/);
  await expect(dialog.locator('iframe')).toHaveAttribute('title', /.+/);
  // Focus moved into the dialog, and the page behind it is out of reach (inert, hidden from AT).
  await expect.poll(() => focusIsIn(page)).toBe('overlay');
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await expect(page.locator('#root')).toHaveAttribute('aria-hidden', 'true');

  // Tab and Shift+Tab cycle through the issuer's page and the close button, never the page behind.
  const visited = new Set<string>();
  for (let i = 0; i < 14; i += 1) {
    await page.keyboard.press(i < 10 ? 'Tab' : 'Shift+Tab');
    const where = await focusIsIn(page);
    expect(where, `after ${i + 1} presses`).not.toMatch(/^page/);
    visited.add(where === 'overlay' ? await page.evaluate(() => document.activeElement?.tagName ?? '') : where);
  }
  expect(visited).toContain('IFRAME');
  expect(visited).toContain('BUTTON');

  // Escape on the overlay (focus on its close button) cancels.
  const close = dialog.getByRole('button', { name: '閉じる' });
  for (let i = 0; i < 10 && !(await close.evaluate((element) => element === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[role=alert][data-error-code]')).toHaveAttribute('data-error-code', 'canceled', { timeout: 10_000 });
  await expect(page.locator(OVERLAY)).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden');

  // The live region said what was happening at each step.
  const log = await statusLog();
  expect(log).toEqual(expect.arrayContaining(['認証の準備をしています…', 'カード会社の画面で本人認証を行ってください。', '認証結果を確認しています…']));
});

test('keyboard only through the issuer page: Tab into the frame, Enter on a result, focus returns, success announced', async ({ page }) => {
  const statusLog = await recordStatus(page);
  await page.goto('/payjp.html?workflow=iframe');
  const button = await tabToVerifyButton(page);
  await page.keyboard.press('Enter');
  const issuer = page.frameLocator(`${OVERLAY} iframe`);
  const verified = issuer.locator('[data-outcome="verified"]');
  await expect(verified).toBeVisible();
  for (let i = 0; i < 15 && !(await verified.evaluate((element) => element === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
    expect(await focusIsIn(page)).not.toMatch(/^page/);
  }
  await expect(verified).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('カードの本人認証が完了しました。', { timeout: 15_000 });
  await expect(button).toBeFocused();
  expect(await statusLog()).toContain('カードの本人認証が完了しました。');
});
