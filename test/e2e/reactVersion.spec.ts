import { expect, test } from '@playwright/test';

// The e2e app runs on React 19, or on React 18 under REACT_VERSION=18 (test/support/reactVersion.ts).
// If the alias silently did nothing, the React 18 run fails here.
const expectedMajor = process.env.REACT_VERSION === '18' ? '18' : '19';

for (const pagePath of ['/', '/payjp.html']) {
  test(`${pagePath} runs on React ${expectedMajor}`, async ({ page }) => {
    await page.goto(pagePath);
    const root = page.locator('html');
    await expect(root).toHaveAttribute('data-react-version', new RegExp(`^${expectedMajor}\\.`));
    await expect(root).toHaveAttribute('data-react-dom-version', new RegExp(`^${expectedMajor}\\.`));
  });
}
