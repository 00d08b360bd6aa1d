// The steps only this shop needs. Card fields and the issuer's page come from the kit's own helpers
// (react-3ds-kit/testing/playwright: fillPayjsCard, fillPaygentCard, completeChallenge).
import type { Page } from '@playwright/test';
import { fillPayjsCard } from 'react-3ds-kit/testing/playwright';

/** The kit's cardholder fields beside pay.js's, which PAY.JP's 3-D Secure asks for. */
export async function fillCardholder(page: Page) {
  await page.getByLabel('カード名義（ローマ字）').fill('TARO YAMADA');
  await page.getByLabel('メールアドレス').fill('taro@example.jp');
}

/** Everything the PAY.JP checkout asks: the stand-in pay.js card fields, then the cardholder. */
export async function fillPayjpCheckout(page: Page) {
  await fillPayjsCard(page);
  await fillCardholder(page);
}
