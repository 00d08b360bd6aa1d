import { expect, test, type Page, type Request } from '@playwright/test';
import { E2E_SANDBOX } from '../support/e2ePorts';

const SANDBOX = E2E_SANDBOX;

/** Records the requests that matter for "exactly once". */
function countRequests(page: Page) {
  const seen = { purchase: 0, connector: 0, orderDetails: 0 };
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (request.method() === 'POST' && url.pathname === '/rcms-api/1/ec/order') seen.purchase += 1;
    if (request.method() === 'POST' && url.pathname === '/paygent/3ds/connector') seen.connector += 1;
    if (request.method() === 'GET' && /^\/rcms-api\/1\/ec\/order\/\d+$/.test(url.pathname)) seen.orderDetails += 1;
  });
  return seen;
}

test('purchase → ACS form POST → issuer challenge → return page shows the payment as complete', async ({ page }) => {
  const seen = countRequests(page);
  await page.goto('/');
  const button = page.getByRole('button', { name: '注文を確定する' });
  // Double click under StrictMode: still one order, one form submission.
  await button.dblclick();
  await page.waitForURL(`${SANDBOX}/paygent/3ds/challenge**`);
  await expect(page.locator('[data-outcome="pass"]')).toBeVisible();
  await page.locator('[data-outcome="pass"]').click();

  await page.waitForURL('**/return.html');
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。', { timeout: 15_000 });
  await expect(page.getByText(/注文番号: \d+/)).toBeVisible();
  expect(seen.purchase).toBe(1);
  expect(seen.connector).toBe(1);

  // A reload shows the confirmed outcome again without asking Kuroco.
  const readsBefore = seen.orderDetails;
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('お支払いが完了しました。');
  expect(seen.orderDetails).toBe(readsBefore);
});

test('a failed challenge comes back with dsec_error=1: a typed failure, order id kept, URL cleaned', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await page.locator('[data-outcome="fail"]').click();
  await page.waitForURL(/return\.html/);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-error-code', 'three_d_secure_failed');
  await expect(page.getByText(/注文番号: \d+/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'ご注文手続きに戻る' })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('dsec_error')).toBe(false);
});

test('authorization failing after 3-D Secure is reported once the status reads run out', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await page.locator('[data-outcome="pass_auth_fail"]').click();
  await page.waitForURL(/return\.html/);
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'authorization_failed', { timeout: 15_000 });
});

test('the return page opened with no attempt in this tab says so', async ({ page }) => {
  await page.goto('/return.html');
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'no_pending_attempt');
});
