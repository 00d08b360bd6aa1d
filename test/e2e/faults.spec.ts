// Exactly once, and every fault ends in a typed error the shopper sees, with a way to retry, and no
// saved attempt or order id lost. Pages: faults.html (test-only knobs), return.html.
import http from 'node:http';
import { expect, test, type Page, type Request, type Route } from '@playwright/test';
import { createSandbox } from '../../src/sandbox/index';
import { payjpDemoMiddleware } from '../support/payjpDemoBackend';
import { E2E_APP, E2E_SANDBOX, E2E_SPARE_PORTS } from '../support/e2ePorts';

const SANDBOX = E2E_SANDBOX;
const ATTEMPT_KEY = 'react-3ds-kit:attempt';
const ORDER = '注文を確定する';
const VERIFY = 'カードの本人認証をする';
const VERIFIED = 'カードの本人認証が完了しました。';
const PAID = 'お支払いが完了しました。';

interface SavedAttempt {
  provider: string;
  orderIds?: number[];
  resourceId?: string;
  outcome?: { status: string; code?: string };
}

/** Counts what must happen once: backend creates, ACS form posts, status reads. */
function countRequests(page: Page) {
  const seen = { purchase: 0, connector: 0, orderDetails: 0, cardVerifications: 0 };
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    const post = request.method() === 'POST';
    if (post && url.pathname === '/rcms-api/1/ec/order') seen.purchase += 1;
    if (post && url.pathname === '/paygent/3ds/connector') seen.connector += 1;
    if (request.method() === 'GET' && /^\/rcms-api\/1\/ec\/order\/\d+$/.test(url.pathname)) seen.orderDetails += 1;
    if (post && url.pathname === '/api/payjp/card-verifications') seen.cardVerifications += 1;
  });
  return seen;
}

/** Counts pay.js overlays ever added to the page (window.__overlays). */
async function countOverlays(page: Page) {
  await page.addInitScript(() => {
    const w = window as { __overlays?: number };
    w.__overlays = 0;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof Element && node.querySelector('[role=dialog] iframe')) w.__overlays! += 1;
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as { __overlays?: number }).__overlays ?? 0);
}

const readAttempt = (page: Page) =>
  page.evaluate((key) => {
    const raw = sessionStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as SavedAttempt);
  }, ATTEMPT_KEY);

/**
 * Every write of the attempt on the shop's origin, seen from the test (the page may be on its way to
 * the issuer, where it cannot be read).
 */
async function watchAttemptWrites(page: Page) {
  const writes: Array<SavedAttempt | null> = [];
  await page.exposeFunction('__attemptWritten', (value: string | null) => writes.push(value === null ? null : (JSON.parse(value) as SavedAttempt)));
  await page.addInitScript((key) => {
    const report = (window as unknown as { __attemptWritten(value: string | null): void }).__attemptWritten;
    const { setItem, removeItem } = Storage.prototype;
    Storage.prototype.setItem = function (name: string, value: string) {
      if (this === sessionStorage && name === key) void report(value);
      return setItem.call(this, name, value);
    };
    Storage.prototype.removeItem = function (name: string) {
      if (this === sessionStorage && name === key) void report(null);
      return removeItem.call(this, name);
    };
  }, ATTEMPT_KEY);
  return writes;
}

/** An earlier, unconfirmed hand-off in this tab: no fault may lose it. */
const EARLIER = { provider: 'kuroco', id: 'earlier-attempt', orderIds: [987_654], createdAt: 1 };
async function seedAttempt(page: Page) {
  await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [ATTEMPT_KEY, JSON.stringify(EARLIER)] as const);
}

/** Holds matching requests until released; CORS preflights pass. */
function hold(page: Page, url: string | RegExp, method: string) {
  const held: Route[] = [];
  let open = false;
  const handler = async (route: Route) => {
    if (route.request().method() !== method) return route.continue();
    if (open) return route.continue();
    held.push(route);
  };
  return {
    install: () => page.route(url, handler),
    held: () => held.length,
    async release() {
      open = true;
      await page.unroute(url, handler);
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
    },
  };
}

const alert = (page: Page) => page.locator('[role=alert][data-error-code]');

// Vite optimizes the test page's dependencies on its first load and then reloads it, which would
// abort a test's first navigation: load both flows once before the tests.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  for (const flow of ['kuroco', 'payjp']) {
    await page.goto(`${E2E_APP}/faults.html?flow=${flow}`);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('button')).toBeVisible({ timeout: 30_000 });
  }
  await page.close();
});

test.describe('Kuroco EC × Paygent', () => {
  test('StrictMode and a double click: one purchase, one ACS form post, the order ids saved once', async ({ page }) => {
    const seen = countRequests(page);
    const writes = await watchAttemptWrites(page);
    await page.goto('/faults.html?flow=kuroco');
    await page.getByRole('button', { name: ORDER }).dblclick();
    await page.waitForURL(`${SANDBOX}/paygent/3ds/challenge**`);
    expect(seen).toMatchObject({ purchase: 1, connector: 1 });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ provider: 'kuroco', orderIds: [expect.any(Number)] });
  });

  // The purchase outlives the component (and its provider): the remounted checkout receives the
  // answer and hands off to the issuer, once.
  test('a remount while the purchase is on its way sends no second order and still hands off once', async ({ page }) => {
    const seen = countRequests(page);
    const writes = await watchAttemptWrites(page);
    const purchase = hold(page, `${SANDBOX}/rcms-api/1/ec/order`, 'POST');
    await purchase.install();
    await page.goto('/faults.html?flow=kuroco');
    await page.getByRole('button', { name: ORDER }).dblclick();
    await expect.poll(() => purchase.held()).toBe(1);
    await page.evaluate(() => (window as { __remount?: () => void }).__remount?.());
    await page.evaluate(() => (window as { __remount?: () => void }).__remount?.());
    await purchase.release();
    await page.waitForURL(`${SANDBOX}/paygent/3ds/challenge**`);
    expect(seen.purchase).toBe(1);
    expect(seen.connector).toBe(1);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ provider: 'kuroco', orderIds: [expect.any(Number)] });
  });

  test('backend 500 (sandbox product 49500) → backend_error; the button works again; an earlier attempt is kept', async ({ page }) => {
    const seen = countRequests(page);
    await page.goto('/faults.html?flow=kuroco&product=49500');
    await seedAttempt(page);
    const button = page.getByRole('button', { name: ORDER });
    await button.click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'backend_error');
    await expect(button).toBeEnabled();
    await button.click();
    await expect.poll(() => seen.purchase).toBe(2);
    await expect(alert(page)).toHaveAttribute('data-error-code', 'backend_error');
    expect(await readAttempt(page)).toEqual(EARLIER);
  });

  test('backend 500 once → backend_error, then the retry hands off to the issuer', async ({ page }) => {
    const writes = await watchAttemptWrites(page);
    await page.route(`${SANDBOX}/rcms-api/1/ec/order`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 500, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: '{"errors":[{"code":"internal_server_error","message":"boom"}]}' })
        : route.continue(),
    );
    await page.goto('/faults.html?flow=kuroco');
    await page.getByRole('button', { name: ORDER }).click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'backend_error');
    await page.unrouteAll();
    await page.getByRole('button', { name: ORDER }).click();
    await page.waitForURL(`${SANDBOX}/paygent/3ds/challenge**`);
    expect(writes).toEqual([expect.objectContaining({ provider: 'kuroco', orderIds: [expect.any(Number)] })]);
  });

  test('no answer within timeoutMs → timeout; the retry hands off to the issuer', async ({ page }) => {
    const seen = countRequests(page);
    const writes = await watchAttemptWrites(page);
    const purchase = hold(page, `${SANDBOX}/rcms-api/1/ec/order`, 'POST');
    await purchase.install();
    await page.goto('/faults.html?flow=kuroco&timeoutMs=1000');
    await seedAttempt(page);
    await page.getByRole('button', { name: ORDER }).click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'timeout', { timeout: 5_000 });
    expect(await readAttempt(page)).toEqual(EARLIER);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.getByRole('button', { name: ORDER }).click();
    await page.waitForURL(`${SANDBOX}/paygent/3ds/challenge**`);
    expect(seen.purchase).toBe(2);
    // The earlier attempt (seeded) is replaced only by the new hand-off, never cleared by the fault.
    expect(writes.slice(1)).toEqual([expect.objectContaining({ provider: 'kuroco', orderIds: [expect.any(Number)] })]);
  });

  test('offline → network_error; back online, the retry hands off to the issuer', async ({ page, context }) => {
    await page.goto('/faults.html?flow=kuroco');
    await seedAttempt(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: ORDER }).click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'network_error');
    expect(await readAttempt(page)).toEqual(EARLIER);
    await context.setOffline(false);
    await page.getByRole('button', { name: ORDER }).click();
    await page.waitForURL(`${SANDBOX}/paygent/3ds/challenge**`);
  });

  test('dsec_error=1 → three_d_secure_failed with the order id shown and a way back; the attempt is settled, not lost', async ({ page }) => {
    await page.goto('/faults.html?flow=kuroco');
    await page.getByRole('button', { name: ORDER }).click();
    await page.locator('[data-outcome="fail"]').click();
    await page.waitForURL(/return\.html/);
    await expect(alert(page)).toHaveAttribute('data-error-code', 'three_d_secure_failed');
    const attempt = await readAttempt(page);
    await expect(page.getByText(`注文番号: ${attempt!.orderIds!.join(', ')}`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'ご注文手続きに戻る' })).toBeVisible();
    expect(attempt?.outcome).toEqual({ status: 'failed', code: 'three_d_secure_failed' });
    // A reload (the URL no longer says dsec_error) shows the same outcome.
    await page.reload();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'three_d_secure_failed');
  });

  test('the return page reloaded and left mid-polling keeps the attempt; once confirmed, reload and back show it again without new reads', async ({ page }) => {
    const seen = countRequests(page);
    await page.goto('/faults.html?flow=kuroco');
    await page.getByRole('button', { name: ORDER }).click();
    // Hold the status reads so the return page stays in "checking".
    const reads = hold(page, /\/rcms-api\/1\/ec\/order\/\d+$/, 'GET');
    await reads.install();
    await page.locator('[data-outcome="pass"]').click();
    await page.waitForURL('**/return.html');
    const status = page.getByRole('status');
    await expect(status).toHaveText(/確認しています/);
    const attempt = await readAttempt(page);
    expect(attempt?.outcome).toBeUndefined();

    await page.reload();
    await expect(status).toHaveText(/確認しています/);
    expect(await readAttempt(page)).toEqual(attempt);

    // Away to the shop and back with the back button, still unconfirmed.
    await page.goto('/faults.html?flow=kuroco');
    await page.goBack();
    await page.waitForURL('**/return.html');
    expect(await readAttempt(page)).toEqual(attempt);

    await reads.release();
    await expect(status).toHaveText(PAID, { timeout: 15_000 });
    await expect(page.getByText(`注文番号: ${attempt!.orderIds!.join(', ')}`)).toBeVisible();
    expect((await readAttempt(page))?.outcome).toEqual({ status: 'succeeded' });

    const readsBefore = seen.orderDetails;
    await page.reload();
    await expect(status).toHaveText(PAID);
    await page.goto('/faults.html?flow=kuroco');
    await page.goBack();
    await expect(status).toHaveText(PAID);
    await expect(page.getByText(`注文番号: ${attempt!.orderIds!.join(', ')}`)).toBeVisible();
    expect(seen.orderDetails).toBe(readsBefore);
  });
});

test.describe('PAY.JP customer card, iframe workflow', () => {
  const PAGE = '/faults.html?flow=payjp';

  test('StrictMode, a double click and a remount: one create, one overlay', async ({ page }) => {
    const seen = countRequests(page);
    const overlays = await countOverlays(page);
    await page.goto(PAGE);
    await page.getByRole('button', { name: VERIFY }).dblclick();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
    expect(seen.cardVerifications).toBe(1);
    expect(await overlays()).toBe(1);
    // A remount takes the challenge down and starts nothing by itself.
    await page.evaluate(() => (window as { __remount?: () => void }).__remount?.());
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(seen.cardVerifications).toBe(1);
    expect(await overlays()).toBe(1);
    // The next click is a new verification, again exactly one.
    await page.getByRole('button', { name: VERIFY }).dblclick();
    await page.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]').click();
    await expect(page.getByRole('status')).toHaveText(VERIFIED, { timeout: 15_000 });
    expect(seen.cardVerifications).toBe(2);
    expect(await overlays()).toBe(2);
  });

  test('pay.js fails to load → payjs_load_failed; once it loads, the retry opens the challenge', async ({ page }) => {
    const payjs = `${SANDBOX}/payjs/v2/pay.js`;
    await page.route(payjs, (route) => route.abort('failed'));
    await page.goto(PAGE);
    await seedAttempt(page);
    const button = page.getByRole('button', { name: VERIFY });
    await button.click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'payjs_load_failed');
    await expect(button).toBeEnabled();
    await page.unroute(payjs);
    await button.click();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
    await expect(alert(page)).toHaveCount(0);
    expect(await readAttempt(page)).toEqual(EARLIER);
  });

  test('backend 500 → backend_error; the retry opens the challenge', async ({ page }) => {
    await page.route('**/api/payjp/card-verifications', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"server_error","message":"boom"}}' }),
    );
    await page.goto(PAGE);
    await seedAttempt(page);
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'backend_error');
    await page.unrouteAll();
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
    expect(await readAttempt(page)).toEqual(EARLIER);
  });

  test('no answer within timeoutMs → timeout; the retry opens the challenge', async ({ page }) => {
    const create = hold(page, '**/api/payjp/card-verifications', 'POST');
    await create.install();
    await page.goto(`${PAGE}&timeoutMs=1000`);
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'timeout', { timeout: 5_000 });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
  });

  test('offline → network_error; back online, the retry opens the challenge', async ({ page, context }) => {
    await page.goto(PAGE);
    await expect(page.getByRole('button', { name: VERIFY })).toBeVisible();
    await context.setOffline(true);
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'network_error');
    await context.setOffline(false);
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
  });

  test('the shopper closes the overlay → canceled; the retry opens a new challenge', async ({ page }) => {
    const seen = countRequests(page);
    await page.goto(PAGE);
    await page.getByRole('button', { name: VERIFY }).click();
    await page.locator('[role=dialog] button[aria-label="閉じる"]').click();
    await expect(alert(page)).toHaveAttribute('data-error-code', 'canceled', { timeout: 10_000 });
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(0);
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
    expect(seen.cardVerifications).toBe(2);
  });

  test('sub-window blocked (window.open returns null) → falls back to the iframe, which completes', async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    let popups = 0;
    page.on('popup', () => (popups += 1));
    await page.goto(`${PAGE.replace('flow=payjp', 'flow=payjp&workflow=subwindow')}`);
    await page.getByRole('button', { name: VERIFY }).click();
    await page.frameLocator('[role=dialog] iframe').locator('[data-outcome="verified"]').click();
    await expect(page.getByRole('status')).toHaveText(VERIFIED, { timeout: 15_000 });
    expect(popups).toBe(0);
  });
});

test.describe('PAY.JP request expiry (its own sandbox, requestExpiryMs 2 s)', () => {
  const [SANDBOX_PORT, BACKEND_PORT] = E2E_SPARE_PORTS;
  let close: () => Promise<void>;

  test.beforeAll(async () => {
    const sandbox = await createSandbox({ payjp: { requestExpiryMs: 2_000 } }).listen(SANDBOX_PORT);
    const middleware = payjpDemoMiddleware({
      sandboxOrigin: sandbox.url,
      returnPaths: ['/payjp-return.html'],
      // The page calls this backend from the test app's origin (through page.route below).
      allowedOrigins: [E2E_APP],
    });
    const backend = http.createServer((req, res) =>
      middleware(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => backend.listen(BACKEND_PORT, '127.0.0.1', resolve));
    close = async () => {
      await new Promise((resolve) => backend.close(resolve));
      await sandbox.close();
    };
  });
  test.afterAll(async () => close?.());

  test('the issuer answers after the request expired → expired; the retry opens a new challenge', async ({ page }) => {
    const sandbox = `http://127.0.0.1:${SANDBOX_PORT}`;
    // The page's same-origin backend calls go to the shop backend that talks to this sandbox.
    await page.route(/\/api\/payjp(-demo)?\//, async (route) => {
      const url = new URL(route.request().url());
      url.port = String(BACKEND_PORT);
      await route.fulfill({ response: await route.fetch({ url: url.toString() }) });
    });
    await page.goto(`/faults.html?flow=payjp&payjs=${encodeURIComponent(`${sandbox}/payjs/v2/pay.js`)}&startOrigin=${encodeURIComponent(sandbox)}`);
    await page.getByRole('button', { name: VERIFY }).click();
    const issuer = page.frameLocator('[role=dialog] iframe');
    await expect(issuer.locator('[data-outcome="verified"]')).toBeVisible();
    await page.waitForTimeout(2_500);
    await issuer.locator('[data-outcome="verified"]').click();
    // The sandbox refuses the late result; the shopper closes the screen.
    const closeButton = page.locator('[role=dialog] button[aria-label="閉じる"]');
    if (await closeButton.count()) await closeButton.click().catch(() => undefined);
    await expect(alert(page)).toHaveAttribute('data-error-code', 'expired', { timeout: 10_000 });
    await page.getByRole('button', { name: VERIFY }).click();
    await expect(page.locator('[role=dialog]:has(iframe)')).toHaveCount(1);
  });
});
