import { expect, test } from '@playwright/test';
import { E2E_SANDBOX } from '../support/e2ePorts';

const SANDBOX = E2E_SANDBOX;
const VERIFY = 'カードの本人認証をする';
const DONE = 'カードの本人認証が完了しました。';

test('iframe workflow: the overlay opens, the issuer verifies, the backend confirms', async ({ page }) => {
  await page.goto('/payjp.html?workflow=iframe');
  await page.getByRole('button', { name: VERIFY }).click();
  const issuer = page.frameLocator('[role=dialog] iframe');
  await issuer.locator('[data-outcome="verified"]').click();
  await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
  await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(0);
});

test('sub-window workflow: a real popup, closed by the issuer page when done', async ({ page }) => {
  await page.goto('/payjp.html?workflow=subwindow');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: VERIFY }).click();
  const popup = await popupOpened;
  await popup.locator('[data-outcome="failed"]').click();
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 15_000 });
  await expect.poll(() => popup.isClosed()).toBe(true);
});

test('redirect workflow: leaves for PAY.JP, comes back to the return page, which resumes the saved attempt', async ({ page }) => {
  await page.goto('/payjp.html?workflow=redirect');
  await page.getByRole('button', { name: VERIFY }).click();
  await page.waitForURL(`${SANDBOX}/v1/tds/**`);
  expect(new URL(page.url()).searchParams.get('back_url')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await page.locator('[data-outcome="attempted"]').click();
  await page.waitForURL('**/payjp-return.html');
  await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
  // A reload shows the settled outcome again.
  await page.reload();
  await expect(page.getByRole('status')).toHaveText(DONE);
});

test('sandbox pages ask for no favicon: the issuer page shown top-level logs no 404 (newcomer friction 19)', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto('/payjp.html?workflow=redirect');
  await page.getByRole('button', { name: VERIFY }).click();
  await page.waitForURL(`${SANDBOX}/v1/tds/**`);
  await expect(page.locator('[data-outcome="verified"]')).toBeVisible();
  // Chromium asks for /favicon.ico after the load unless the page names an icon: the sandbox names an empty one.
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', 'data:,');
  await page.waitForLoadState('load');
  expect(missing).toEqual([]);
});
