import { expect, test } from '@playwright/test';
import { completeChallenge, fillPaygentCard } from 'react-3ds-kit/testing/playwright';
import { fillPayjpCheckout } from './steps';

test('Kuroco × Paygent: card form → order → 3-D Secure challenge passed → the return page shows it paid', async ({ page }) => {
  await page.goto('/kuroco');
  await fillPaygentCard(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  const challenge = await completeChallenge(page, 'pass');
  expect(challenge.where).toBe('page');
  expect(challenge.url).toContain('/paygent/3ds/challenge');
  await page.waitForURL('**/order/3dsec/**');
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 20_000 });
  await expect(page.getByText(/注文番号: \d+/)).toBeVisible();
});

test('Kuroco × Paygent: a failed challenge is reported with a way back to the checkout', async ({ page }) => {
  await page.goto('/kuroco');
  await fillPaygentCard(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await completeChallenge(page, 'fail');
  await page.waitForURL('**/order/3dsec/**');
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'ご注文手続きに戻る' })).toBeVisible();
});

test('PAY.JP charge, iframe: 3-D Secure verified → the thanks page shows what the server read back as paid', async ({ page }) => {
  await page.goto('/pay');
  await fillPayjpCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  expect((await completeChallenge(page, 'verified')).where).toBe('overlay');
  await page.waitForURL('**/thanks/ch_*', { timeout: 20_000 });
  await expect(page.getByTestId('order-result')).toHaveAttribute('data-paid', 'true');
  await expect(page.getByTestId('order-result')).toContainText('お支払い済み: ¥1,200');
});

test('PAY.JP charge, redirect: back on the return page the charge is finished and shown as paid', async ({ page }) => {
  await page.goto('/pay?workflow=redirect');
  await fillPayjpCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  const challenge = await completeChallenge(page, 'verified');
  // Redirect workflow: the issuer's page is the whole page, not pay.js's overlay.
  expect(challenge.where).toBe('page');
  expect(challenge.url).toMatch(/\/v1\/tds\/ch_\w+\/start/);
  await page.waitForURL('**/thanks/ch_*', { timeout: 20_000 });
  await expect(page.getByTestId('order-result')).toHaveAttribute('data-paid', 'true');
});

test('PAY.JP charge, iframe: a failed challenge is a typed error and nothing is paid', async ({ page }) => {
  await page.goto('/pay');
  await fillPayjpCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  expect((await completeChallenge(page, 'failed')).where).toBe('overlay');
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 20_000 });
  expect(page.url()).not.toContain('/thanks/');
});
