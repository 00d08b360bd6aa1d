// react-3ds-kit/testing/playwright against the e2e app: completeChallenge finds the sandbox issuer
// wherever the workflow shows it (overlay in two payjsOverlay variants, sub-window, redirect,
// Paygent's page after the ACS form), fillPayjsCard types the stand-in fields, and the typed errors
// say what was not found.
import { expect, test } from '@playwright/test';
import { completeChallenge, fillPayjsCard, fillPaygentCard, TestingHelperError } from '../../src/testing/playwright';

const VERIFY = 'カードの本人認証をする';
const DONE = 'カードの本人認証が完了しました。';

test('overlay iframe, default variant: verified', async ({ page }) => {
  await page.goto('/payjp.html?workflow=iframe');
  await page.getByRole('button', { name: VERIFY }).click();
  expect(await completeChallenge(page, 'verified')).toMatchObject({ where: 'overlay', url: expect.stringContaining('/v1/tds/') });
  await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
});

test('overlay in the container variant (charge, card typed with fillPayjsCard): verified and paid', async ({ page }) => {
  await page.goto('/pay.html?workflow=iframe&payjsOverlay=container&payjsHelperFrames=true');
  await fillPayjsCard(page);
  await page.getByLabel('カード名義（ローマ字）').fill('TARO YAMADA');
  await page.getByLabel('メールアドレス').fill('taro@example.jp');
  await page.getByRole('button', { name: '支払う' }).click();
  expect((await completeChallenge(page, 'verified')).where).toBe('overlay');
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 15_000 });
});

test('sub-window: the popup is found, failed is reported', async ({ page }) => {
  await page.goto('/payjp.html?workflow=subwindow');
  await page.getByRole('button', { name: VERIFY }).click();
  expect((await completeChallenge(page, 'failed')).where).toBe('popup');
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 15_000 });
});

test('redirect: the page itself is the issuer, attempted brings the shopper back', async ({ page }) => {
  await page.goto('/payjp.html?workflow=redirect');
  await page.getByRole('button', { name: VERIFY }).click();
  expect((await completeChallenge(page, 'attempted')).where).toBe('page');
  await page.waitForURL('**/payjp-return.html');
  await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
});

test('Kuroco: Paygent’s challenge page after the auto-submitted ACS form, pass', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '注文を確定する' }).click();
  expect(await completeChallenge(page, 'pass')).toMatchObject({ where: 'page', url: expect.stringContaining('/paygent/3ds/') });
  await page.waitForURL('**/return.html');
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 15_000 });
});

test('typed errors: no issuer page yet, and an outcome the page does not offer', async ({ page }) => {
  await page.goto('/payjp.html?workflow=iframe');
  const missing = await completeChallenge(page, 'verified', { timeoutMs: 500 }).catch((error: unknown) => error);
  expect(missing).toBeInstanceOf(TestingHelperError);
  expect(missing).toMatchObject({ code: 'challenge_not_found', message: expect.stringMatching(/no sandbox issuer page with a "verified" button appeared within 500 ms\. Looked in the page \(http/) });

  await page.getByRole('button', { name: VERIFY }).click();
  await expect(completeChallenge(page, 'pass')).rejects.toMatchObject({ code: 'outcome_not_offered', message: expect.stringContaining('offers verified, attempted, failed, error, slow, abandon, not "pass"') });
  await expect(completeChallenge(page, 'nope' as never)).rejects.toMatchObject({ code: 'unknown_outcome' });
  // The helper left the challenge as it was: it can still be completed.
  await completeChallenge(page, 'verified');
  await expect(page.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
});

test('Kuroco with <PaygentCardForm> filled by fillPaygentCard: fail comes back as a typed failure', async ({ page }) => {
  await page.goto('/paygent.html');
  await fillPaygentCard(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  expect((await completeChallenge(page, 'fail')).where).toBe('page');
  await page.waitForURL(/return\.html/);
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'three_d_secure_failed', { timeout: 15_000 });
});

test('fillPaygentCard says when there is no card form', async ({ page }) => {
  await page.goto('/payjp.html?workflow=iframe');
  await expect(fillPaygentCard(page, undefined, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'card_fields_not_found', message: expect.stringContaining('[data-paygent-card-form]') });
});
