import type { Page } from '@playwright/test';
import { fillPayjsCard } from '../../src/testing/playwright';

/** Fills `<PayjpCheckout>` on an e2e page: the test Visa card through the kit's helper, then name and e-mail. */
export async function fillCheckout(page: Page): Promise<void> {
  await fillPayjsCard(page);
  await page.getByLabel('カード名義（ローマ字）').fill('TARO YAMADA');
  await page.getByLabel('メールアドレス').fill('taro@example.jp');
}
