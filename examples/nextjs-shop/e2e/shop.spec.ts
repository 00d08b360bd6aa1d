import { expect, test } from '@playwright/test';
import { completeChallenge } from 'react-3ds-kit/testing/playwright';
import { fillPayjpCheckout, nextVerificationId } from './steps';

test('checkout, iframe: 3-D Secure verified → the thanks page (a server component) reads the charge back as paid', async ({ page }) => {
  await page.goto('/checkout');
  await fillPayjpCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  expect((await completeChallenge(page, 'verified')).where).toBe('overlay');
  await page.waitForURL('**/thanks/ch_*', { timeout: 20_000 });
  await expect(page.getByTestId('order-result')).toHaveAttribute('data-paid', 'true');
  await expect(page.getByTestId('order-result')).toContainText('お支払い済み: ¥1,200');
});

test('checkout, redirect: the return page finishes the charge and leads to the paid thanks page', async ({ page }) => {
  await page.goto('/checkout?workflow=redirect');
  await fillPayjpCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  const challenge = await completeChallenge(page, 'verified');
  // Redirect workflow: the issuer's page is the whole page, not pay.js's overlay.
  expect(challenge.where).toBe('page');
  expect(challenge.url).toMatch(/\/v1\/tds\/ch_\w+\/start/);
  await page.waitForURL('**/thanks/ch_*', { timeout: 20_000 });
  await expect(page.getByTestId('order-result')).toHaveAttribute('data-paid', 'true');
});

test('plan change: the saved card passes 3-D Secure, the server re-reads it and grants the plan, once', async ({ page }) => {
  await page.goto('/account/plan');
  await expect(page.getByTestId('current-plan')).toHaveText('basic');
  const verificationId = nextVerificationId(page);
  await page.getByRole('button', { name: '本人認証してプレミアムプランに変更する' }).click();
  expect((await completeChallenge(page, 'verified')).where).toBe('overlay');
  await expect(page.getByTestId('plan-answer')).toHaveText('プレミアムプランに変更しました。', { timeout: 20_000 });
  await expect(page.getByTestId('current-plan')).toHaveText('premium');
  // The same verification cannot buy a second change.
  const again = await page.request.post('/api/plan', { data: { verificationId: await verificationId } });
  expect(again.status()).toBe(403);
  expect(await again.json()).toEqual({ granted: false, reason: 'already_used' });
});

test('plan change: the server refuses a verification that is not verified, whatever the browser says', async ({ page }) => {
  await page.goto('/account/plan');
  const verificationId = nextVerificationId(page);
  await page.getByRole('button', { name: '本人認証してプレミアムプランに変更する' }).click();
  // The shopper closes the issuer's page: the request stays unverified at PAY.JP.
  expect((await completeChallenge(page, 'abandon')).where).toBe('overlay');
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  // A tampered browser claims success anyway: the server re-reads the verification and refuses.
  const forged = await page.request.post('/api/plan', { data: { verificationId: await verificationId } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ granted: false, reason: 'not_verified' });
  const unknown = await page.request.post('/api/plan', { data: { verificationId: 'tdsr_doesnotexist' } });
  expect(unknown.status()).toBe(403);
});
