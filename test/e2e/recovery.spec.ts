import { expect, test, type Browser } from '@playwright/test';
import { fillCheckout } from '../support/fillCheckout';
import { E2E_SANDBOX } from '../support/e2ePorts';

// A bank app that sends the shopper back to another browser: the return URL's signed reference is
// all that browser has. A fresh browser context stands for that other browser (no cookies, no storage).
const SANDBOX = E2E_SANDBOX;

/**
 * Pays by redirect in one browser, picks `outcome` at the issuer, and returns the URL PAY.JP sends the
 * shopper back to. The return page there (/recover.html) only reads: it finishes nothing.
 */
async function payAndCatchReturn(browser: Browser, outcome: 'verified' | 'failed') {
  const shop = await browser.newContext();
  const page = await shop.newPage();
  await page.goto('/pay.html?workflow=redirect&api=refs');
  await fillCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  await page.waitForURL(`${SANDBOX}/v1/tds/ch_*/start**`, { timeout: 15_000 });
  await page.locator(`[data-outcome="${outcome}"]`).click();
  await page.waitForURL('**/recover.html?r3ds_attempt=*', { timeout: 15_000 });
  return { shop, page, returnUrl: page.url() };
}

test('another browser learns a failed payment from the signed reference; a tampered one is refused', async ({ browser }) => {
  const { shop, page, returnUrl } = await payAndCatchReturn(browser, 'failed');
  expect(new URL(returnUrl).searchParams.get('r3ds_attempt')).toMatch(/^[\w-]+\.[\w-]+$/);
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(returnUrl);
  const notice = elsewhere.locator('section[data-outcome]');
  await expect(notice).toHaveAttribute('data-outcome', 'failed', { timeout: 15_000 });
  await expect(notice).toHaveText('お支払いは完了していません。もう一度お試しください。');

  const tampered = new URL(returnUrl);
  tampered.searchParams.set('r3ds_attempt', `${tampered.searchParams.get('r3ds_attempt')!.slice(0, -2)}xx`);
  await elsewhere.goto(tampered.toString());
  await expect(notice).toHaveAttribute('data-outcome', 'error', { timeout: 15_000 });
  await expect(notice).toHaveAttribute('data-error-code', 'not_found');

  // The first browser still has its own unsettled attempt: it shows that one first.
  await page.goto('/recover.html');
  await expect(page.locator('section[data-outcome]')).toHaveAttribute('data-outcome', 'unsettled', { timeout: 15_000 });
  await other.close();
  await shop.close();
});

test('another browser sees a verified payment nobody has finished yet as processing, not as "no payment"', async ({ browser }) => {
  const { shop, returnUrl } = await payAndCatchReturn(browser, 'verified');
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(returnUrl);
  const notice = elsewhere.locator('section[data-outcome]');
  await expect(notice).toHaveAttribute('data-outcome', 'pending', { timeout: 15_000 });
  await expect(notice).toHaveText('お支払いは処理中です。結果が確定したらご注文履歴に表示されます。もう一度お支払いしないでください。');
  await other.close();
  await shop.close();
});
