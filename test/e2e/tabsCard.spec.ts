import { expect, test } from '@playwright/test';
import { sandboxListSince } from '../support/sandboxList';

// Issue 11, one running flow per card across tabs: two tabs verifying the same saved card make one
// three_d_secure_request; the second tab follows the first to its result. A card may be verified
// again later, so the success is not remembered the way a paid order is.
const VERIFY = 'カードの本人認証をする';
const DONE = 'カードの本人認証が完了しました。';
const ELSEWHERE = 'このカードの本人認証は別のタブで進行中です。結果はこちらにも表示されます。';

const requestsSince = (since: number) => sandboxListSince('three_d_secure_requests', since);

test('two tabs verify one card: one request; the second tab follows the first, and may verify again afterwards', async ({ context }) => {
  const since = Math.floor(Date.now() / 1000);
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/payjp.html?workflow=iframe');
  await second.goto('/payjp.html?workflow=iframe');
  await expect(second.getByRole('button', { name: VERIFY })).toBeEnabled({ timeout: 15_000 });

  await first.getByRole('button', { name: VERIFY }).click();
  const challenge = first.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]');
  await expect(challenge).toBeVisible({ timeout: 15_000 });
  // The second tab was open before the first one started: its click finds the card taken.
  await second.getByRole('button', { name: VERIFY }).click();
  await expect(second.getByRole('status')).toHaveText(ELSEWHERE, { timeout: 15_000 });
  await expect(second.getByRole('button', { name: VERIFY })).toBeDisabled();
  await expect(second.locator('[role=dialog] iframe')).toHaveCount(0);

  await challenge.click();
  await expect(first.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
  await expect(second.getByRole('status')).toHaveText(DONE, { timeout: 15_000 });
  expect(await requestsSince(since)).toHaveLength(1);

  // Not remembered: once the first tab is done, the card can be verified again (a new request).
  await expect(second.getByRole('button', { name: VERIFY })).toBeEnabled({ timeout: 15_000 });
  await second.getByRole('button', { name: VERIFY }).click();
  await expect(second.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await requestsSince(since)).length, { timeout: 15_000 }).toBe(2);
});
