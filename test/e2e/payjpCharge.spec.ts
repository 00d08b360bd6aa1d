import { expect, test, type Page } from '@playwright/test';
import { E2E_SANDBOX } from '../support/e2ePorts';

const SANDBOX = E2E_SANDBOX;
const AUTH = { authorization: `Basic ${Buffer.from('sk_test_sandbox:').toString('base64')}` };

async function fillCard(page: Page, number = '4242424242424242') {
  await page.locator('[data-payjs-field="number"]').pressSequentially(number);
  await page.locator('[data-payjs-field="expiry"]').pressSequentially('1230');
  await page.locator('[data-payjs-field="cvc"]').pressSequentially('123');
  await page.getByLabel('カード名義（ローマ字）').fill('TARO YAMADA');
  await page.getByLabel('メールアドレス').fill('taro@example.jp');
}

/** Records the charges this page asks the shop's server to create. */
function watchCreates(page: Page) {
  const ids: string[] = [];
  let requests = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/payjp/charges') requests += 1;
  });
  page.on('response', async (response) => {
    if (response.request().method() !== 'POST' || new URL(response.url()).pathname !== '/api/payjp/charges') return;
    const body = (await response.json().catch(() => null)) as { charge?: { id: string } } | null;
    if (body?.charge) ids.push(body.charge.id);
  });
  return { ids, requests: () => requests };
}

/** The charge as PAY.JP (the sandbox) holds it. */
async function payjpCharge(id: string) {
  return (await (await fetch(`${SANDBOX}/v1/charges/${id}`, { headers: AUTH })).json()) as { paid: boolean; amount: number };
}

test('charge 3-D Secure, iframe: double click under StrictMode → one charge, paid once, for the server’s amount', async ({ page }) => {
  const creates = watchCreates(page);
  await page.goto('/pay.html?workflow=iframe');
  await fillCard(page);
  await page.getByRole('button', { name: '支払う' }).dblclick();
  await page.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]').click();
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 15_000 });
  expect(creates.requests()).toBe(1);
  expect(creates.ids).toHaveLength(1);
  expect(await payjpCharge(creates.ids[0]!)).toMatchObject({ paid: true, amount: 1200 });
});

test('charge 3-D Secure, redirect: the return page finishes the charge exactly once, also after a reload', async ({ page }) => {
  const creates = watchCreates(page);
  await page.goto('/pay.html?workflow=redirect');
  await fillCard(page);
  await page.getByRole('button', { name: '支払う' }).click();
  await page.waitForURL(`${SANDBOX}/v1/tds/ch_*/start**`);
  await page.locator('[data-outcome="verified"]').click();
  await page.waitForURL('**/payjp-return.html');
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。');
  // The page left for PAY.JP right after the create, so read the charge id the kit saved for the return.
  expect(creates.requests()).toBe(1);
  const attempt = await page.evaluate(() => JSON.parse(sessionStorage.getItem('react-3ds-kit:attempt') ?? 'null') as { kind: string; resourceId: string } | null);
  expect(attempt).toMatchObject({ kind: 'charge', resourceId: expect.stringMatching(/^ch_/) });
  expect(await payjpCharge(attempt!.resourceId)).toMatchObject({ paid: true, amount: 1200 });
});

test('charge 3-D Secure, sub-window: a decline after 3-D Secure is a typed error and nothing is paid', async ({ page }) => {
  const creates = watchCreates(page);
  await page.goto('/pay.html?workflow=subwindow');
  await fillCard(page, '4000000000080319');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: '支払う' }).click();
  await (await popupOpened).locator('[data-outcome="verified"]').click();
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'card_declined', { timeout: 15_000 });
  expect(creates.ids).toHaveLength(1);
  expect(await payjpCharge(creates.ids[0]!)).toMatchObject({ paid: false });
});

test('token 3-D Secure, redirect: the server finishes the token after the return', async ({ page }) => {
  await page.goto('/register.html?workflow=redirect');
  await fillCard(page);
  await page.getByRole('button', { name: 'カードを登録する' }).click();
  await page.waitForURL(`${SANDBOX}/v1/tds/tok_*/start**`);
  await page.locator('[data-outcome="verified"]').click();
  await page.waitForURL('**/payjp-return.html');
  await expect(page.getByRole('status')).toHaveText('カードの本人認証が完了しました。', { timeout: 15_000 });
});

test('token 3-D Secure, iframe: payjs shows the issuer, the server confirms the token', async ({ page }) => {
  await page.goto('/register.html?workflow=iframe');
  await fillCard(page);
  await page.getByRole('button', { name: 'カードを登録する' }).click();
  await page.frameLocator('[role=dialog] iframe').locator('[data-outcome="attempted"]').click();
  await expect(page.getByRole('status')).toHaveText(/^tok_\w+ を登録できます。$/, { timeout: 15_000 });
});
