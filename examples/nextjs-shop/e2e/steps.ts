// Small steps the specs share. When `react-3ds-kit/testing` ships Playwright helpers
// (completeChallenge(page, outcome), …), these are the functions to swap for them.
import type { Frame, Page } from '@playwright/test';

/** Types PAY.JP test card details into payjs's fields and the kit's cardholder fields. */
export async function fillPayjpCard(page: Page, number = '4242424242424242') {
  await page.locator('[data-payjs-field="number"]').pressSequentially(number);
  await page.locator('[data-payjs-field="expiry"]').pressSequentially('1230');
  await page.locator('[data-payjs-field="cvc"]').pressSequentially('123');
  await page.getByLabel('カード名義（ローマ字）').fill('TARO YAMADA');
  await page.getByLabel('メールアドレス').fill('taro@example.jp');
}

/** Picks an outcome on the sandbox's PAY.JP 3-D Secure page shown in payjs's iframe overlay. */
export async function completePayjpIframeChallenge(page: Page, outcome: 'verified' | 'failed' | 'attempted' | 'abandon' = 'verified') {
  await page.frameLocator('[role=dialog] iframe').locator(`[data-outcome="${outcome}"]`).click();
}

/** Picks an outcome on a sandbox issuer page opened as the whole page (redirect workflows). */
export async function completeFullPageChallenge(page: Page | Frame, outcome: string) {
  await page.locator(`[data-outcome="${outcome}"]`).click();
}

/** Resolves with the id of the next card verification this page creates (POST /api/3ds/card-verifications). */
export function nextVerificationId(page: Page): Promise<string> {
  return page
    .waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/3ds/card-verifications')
    .then(async (response) => ((await response.json()) as { verification: { id: string } }).verification.id);
}
