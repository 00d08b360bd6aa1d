// The `sandbox` fixture of react-3ds-kit/testing/playwright: a fresh sandbox per test on a free port,
// options per file (a preset and a pay.js variant here), a clock that lands a minutes-late issuer
// result at once, closed after the test. The shop page comes from a tiny server of its own origin
// (a real one: Chromium lets only a loopback page load the loopback sandbox's pay.js).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';
import { completeChallenge, SANDBOX_PAYJP_SECRET_KEY, SANDBOX_TEST_CARDS, test, type RunningSandbox } from '../../src/testing/playwright';

const AUTH = { authorization: `Basic ${Buffer.from(`${SANDBOX_PAYJP_SECRET_KEY}:`).toString('base64')}` };

test.use({ sandboxOptions: { presets: ['lateIssuer'], payjp: { payjsOverlay: 'foreign-frame' } } });

async function api<T>(sandbox: RunningSandbox, path: string, form?: Record<string, string>): Promise<T> {
  const response = await fetch(`${sandbox.payjpApiBase}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: { ...AUTH, 'x-payjp-direct-token-generate': 'true', ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** A saved card's three_d_secure_request, as a shop's server creates it. */
async function createRequest(sandbox: RunningSandbox): Promise<string> {
  const card = SANDBOX_TEST_CARDS.challenge;
  const token = await api<{ id: string }>(sandbox, '/tokens', { 'card[number]': card.number, 'card[exp_month]': '12', 'card[exp_year]': '2035', 'card[cvc]': card.cvc });
  const customer = await api<{ default_card: string }>(sandbox, '/customers', { card: token.id });
  return (await api<{ id: string }>(sandbox, '/three_d_secure_requests', { resource_id: customer.default_card })).id;
}

/** Serves `html` at `/` on 127.0.0.1 until `close()`. */
async function serveShop(html: string): Promise<{ url: string; close(): void }> {
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

test.describe.configure({ mode: 'serial' });

let firstSandboxUrl = '';

test('a late issuer (lateIssuer preset): in progress after the challenge, verified once the clock moves 5 minutes', async ({ page, sandbox }) => {
  expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  firstSandboxUrl = sandbox.url;
  const id = await createRequest(sandbox);
  const shop = await serveShop(
    `<!doctype html><title>shop</title><body><script src="${sandbox.payjsUrl}"></script>
<script>window.result = Payjp('pk_test_sandbox', { threeDSecureWorkflow: 'iframe' }).openThreeDSecureIframe(${JSON.stringify(id)}).then(() => 'completed', (error) => 'rejected ' + (error && error.code));</script>`,
  );
  try {
    await page.goto(shop.url);
    // The foreign-frame variant: the issuer is inside pay.js's hosted frame.
    expect(await completeChallenge(page, 'slow')).toMatchObject({ where: 'overlay' });
    expect(await page.evaluate(() => (window as unknown as { result: Promise<string> }).result)).toBe('completed');
    expect(await api(sandbox, `/three_d_secure_requests/${id}`)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified' });
    sandbox.clock.advance(5 * 60_000);
    expect(await api(sandbox, `/three_d_secure_requests/${id}`)).toMatchObject({ state: 'finished', three_d_secure_status: 'verified' });
  } finally {
    shop.close();
  }
});

test('the next test gets a new sandbox; the previous one is closed', async ({ sandbox }) => {
  expect(firstSandboxUrl).not.toBe('');
  expect(sandbox.url).not.toBe(firstSandboxUrl);
  await expect(fetch(`${firstSandboxUrl}/v1/tokens`)).rejects.toThrow();
});
