import { expect, test } from '@playwright/test';
import { fillCheckout } from '../support/fillCheckout';
import { sandboxListSince } from '../support/sandboxList';

// Done-when of issue 11 (browser half): two tabs of one browser paying for one order make one charge,
// and the back button to a paid checkout shows the result instead of a new payment.
const PAID = 'お支払いが完了しました。';
const ELSEWHERE = 'このお支払いは別のタブで処理中です。結果はこちらにも表示されます。';

const chargesSince = (since: number) => sandboxListSince<{ id: string; paid: boolean; amount: number }>('charges', since);

test('two tabs pay for one order: one charge; the second tab follows the first to the result', async ({ context }) => {
  const since = Math.floor(Date.now() / 1000);
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/pay.html?workflow=iframe');
  await second.goto('/pay.html?workflow=iframe');
  await fillCheckout(first);
  await fillCheckout(second);
  await first.getByRole('button', { name: '支払う' }).click();
  const challenge = first.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]');
  await expect(challenge).toBeVisible({ timeout: 15_000 });
  // The second tab was open before the first one started: its click finds the order taken.
  await second.getByRole('button', { name: '支払う' }).click();
  await expect(second.getByRole('status')).toHaveText(ELSEWHERE, { timeout: 15_000 });
  await expect(second.getByRole('button', { name: '支払う' })).toBeDisabled();
  // A third tab opened now sees it at once, without clicking.
  const third = await context.newPage();
  await third.goto('/pay.html?workflow=iframe');
  await expect(third.getByRole('status')).toHaveText(ELSEWHERE, { timeout: 15_000 });

  await challenge.click();
  await expect(first.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  await expect(second.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  await expect(third.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  const charges = await chargesSince(since);
  expect(charges).toHaveLength(1);
  expect(charges[0]).toMatchObject({ paid: true, amount: 1200 });
});

test('back button after paying: the checkout shows the paid result, not a new payment', async ({ page }) => {
  const since = Math.floor(Date.now() / 1000);
  await page.goto('/pay.html?workflow=iframe');
  await fillCheckout(page);
  await page.getByRole('button', { name: '支払う' }).click();
  await page.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]').click();
  await expect(page.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  await page.goto('/tabs.html');
  await page.goBack();
  await expect(page).toHaveURL(/\/pay\.html/);
  await expect(page.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: '支払う' })).toBeDisabled();
  expect(await chargesSince(since)).toHaveLength(1);
});

test('back to a checkout left before another tab paid the order: it shows the paid result', async ({ context }) => {
  const since = Math.floor(Date.now() / 1000);
  const stale = await context.newPage();
  await stale.goto('/pay.html?workflow=iframe');
  await expect(stale.getByRole('button', { name: '支払う' })).toBeVisible();
  await stale.goto('/tabs.html');
  const payer = await context.newPage();
  await payer.goto('/pay.html?workflow=iframe');
  await fillCheckout(payer);
  await payer.getByRole('button', { name: '支払う' }).click();
  await payer.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]').click();
  await expect(payer.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  // From the back/forward cache (pageshow persisted) or a fresh load: either way the settled record wins.
  await stale.goBack();
  await expect(stale.getByRole('status')).toHaveText(PAID, { timeout: 15_000 });
  await expect(stale.getByRole('button', { name: '支払う' })).toBeDisabled();
  expect(await chargesSince(since)).toHaveLength(1);
});
