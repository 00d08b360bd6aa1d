import { expect, test } from '@playwright/test';
import { completeFullPageChallenge, completePayjpIframeChallenge, fillPaygentCard, fillPayjpCard } from './steps';

test('Kuroco × Paygent: card form → order → 3-D Secure challenge passed → the return page shows it paid', async ({ page }) => {
  await page.goto('/kuroco');
  await fillPaygentCard(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await page.waitForURL('**/paygent/3ds/challenge**');
  await completeFullPageChallenge(page, 'pass');
  await page.waitForURL('**/order/3dsec/**');
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 20_000 });
  await expect(page.getByText(/注文番号: \d+/)).toBeVisible();
});

test('Kuroco × Paygent: a failed challenge is reported with a way back to the checkout', async ({ page }) => {
  await page.goto('/kuroco');
  await fillPaygentCard(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await completeFullPageChallenge(page, 'fail');
  await page.waitForURL('**/order/3dsec/**');
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'ご注文手続きに戻る' })).toBeVisible();
});

test('PAY.JP charge, iframe: 3-D Secure verified → the thanks page shows what the server read back as paid', async ({ page }) => {
  await page.goto('/pay');
  await fillPayjpCard(page);
  await page.getByRole('button', { name: '支払う' }).click();
  await completePayjpIframeChallenge(page, 'verified');
  await page.waitForURL('**/thanks/ch_*', { timeout: 20_000 });
  await expect(page.getByTestId('order-result')).toHaveAttribute('data-paid', 'true');
  await expect(page.getByTestId('order-result')).toContainText('お支払い済み: ¥1,200');
});

test('PAY.JP charge, redirect: back on the return page the charge is finished and shown as paid', async ({ page }) => {
  await page.goto('/pay?workflow=redirect');
  await fillPayjpCard(page);
  await page.getByRole('button', { name: '支払う' }).click();
  await page.waitForURL('**/v1/tds/ch_*/start**');
  await completeFullPageChallenge(page, 'verified');
  await page.waitForURL('**/thanks/ch_*', { timeout: 20_000 });
  await expect(page.getByTestId('order-result')).toHaveAttribute('data-paid', 'true');
});

test('PAY.JP charge, iframe: a failed challenge is a typed error and nothing is paid', async ({ page }) => {
  await page.goto('/pay');
  await fillPayjpCard(page);
  await page.getByRole('button', { name: '支払う' }).click();
  await completePayjpIframeChallenge(page, 'failed');
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 20_000 });
  expect(page.url()).not.toContain('/thanks/');
});
