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
export async function completePayjpIframeChallenge(page: Page, outcome: 'verified' | 'failed' | 'attempted' = 'verified') {
  await page.frameLocator('[role=dialog] iframe').locator(`[data-outcome="${outcome}"]`).click();
}

/** Picks an outcome on a sandbox issuer page opened as the whole page (redirect workflows). */
export async function completeFullPageChallenge(page: Page | Frame, outcome: string) {
  await page.locator(`[data-outcome="${outcome}"]`).click();
}

/** Types a card into the kit's PaygentCardForm. */
export async function fillPaygentCard(page: Page, number = '4242 4242 4242 4242') {
  await page.getByLabel('カード番号').fill(number);
  await page.getByLabel('有効期限（月/年）').fill('12/35');
  await page.getByLabel('セキュリティコード').fill('123');
  await page.getByLabel('カード名義').fill('TARO YAMADA');
}
