import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import Payjp from 'payjp';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY, type SandboxServer } from '../../src/sandbox';
import { createPayjpHandler, toNodeListener, type PayjpClientLike } from '../../src/server';
import { chromiumArgs, chromiumExecutable } from '../support/chromium';
import { passChallenge } from './passChallenge';

/**
 * F2 of the security review in real Chromium: a shop at http://127.0.0.1:{shop} whose handler
 * reads a cookie session in resolveCustomer, and a victim with a verified, unpaid charge. A
 * cross-site page (http://localhost:{other}), a same-site page on another port
 * (http://127.0.0.1:{other}) and a same-origin `no-cors` fetch all try to finish it; each reaches
 * the handler with the session cookie and is refused, and the charge stays unpaid. The kit's own
 * client (createPayjpBackend) then finishes it.
 */

const RETURN_PATH = '/3ds-return';
const SESSION = 'sid';

interface Seen {
  path: string;
  cookie: string | undefined;
  origin: string | undefined;
  site: string | undefined;
  status: number;
}

let sandbox: SandboxServer;
let browser: Browser;
let shop: string;
let otherPort: number;
const servers: Server[] = [];
const seen: Seen[] = [];
const sessions = new Map<string, string>();
let finishCalls = 0;
let client: ReturnType<typeof Payjp>;
let kitScript = '';

async function serve(listener: RequestListener, host?: string): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => (host ? server.listen(0, host, resolve) : server.listen(0, resolve)));
  return (server.address() as AddressInfo).port;
}

function cookieOf(req: IncomingMessage): string | undefined {
  return req.headers.cookie?.split(/;\s*/).find((pair) => pair.startsWith(`${SESSION}=`))?.slice(SESSION.length + 1);
}

const html = (body: string) => `<!doctype html><meta charset="utf-8"><title>page</title><body>${body}</body>`;

beforeAll(async () => {
  sandbox = await createSandbox().listen();
  client = Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase: sandbox.payjpApiBase, timeout: 5000 });
  const charges = client.charges as unknown as NonNullable<PayjpClientLike['charges']>;
  const counted: PayjpClientLike = {
    ...(client as unknown as PayjpClientLike),
    charges: {
      create: (query) => charges.create(query),
      retrieve: (id) => charges.retrieve(id),
      tds_finish: (id) => {
        finishCalls += 1;
        return charges.tds_finish(id);
      },
    },
  };
  // The kit's browser client, bundled for the page as an app would.
  const bundled = await build({
    stdin: { contents: "export { createPayjpBackend } from './src/core/payjp/createPayjpBackend.ts';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  });
  kitScript = bundled.outputFiles[0]!.text;

  // The handler needs the shop's origin (its return URL), so it is mounted once the port is known.
  const mounted: { handler?: ReturnType<typeof toNodeListener> } = {};
  const shopPort = await serve((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/login') {
      const sid = randomBytes(16).toString('hex');
      sessions.set(sid, (req.url ?? '').split('customer=')[1] ?? '');
      // express-session's default: no SameSite attribute (Chromium treats it as Lax, with its
      // two-minute allowance for top-level cross-site POSTs right after the cookie was set).
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `${SESSION}=${sid}; Path=/; HttpOnly` }).end(html('signed in'));
      return;
    }
    if (path === '/kit.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(kitScript);
      return;
    }
    if (path?.startsWith('/api/3ds/')) {
      res.on('finish', () => seen.push({ path: path ?? '', cookie: cookieOf(req), origin: req.headers.origin, site: req.headers['sec-fetch-site'] as string | undefined, status: res.statusCode }));
      mounted.handler!(req, res);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(html('shop'));
  }, '127.0.0.1');
  shop = `http://127.0.0.1:${shopPort}`;
  mounted.handler = toNodeListener(
    createPayjpHandler({
      secretKey: SANDBOX_PAYJP_SECRET_KEY,
      publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
      basePath: '/api/3ds',
      // The cookie session, as an Express app's resolveCustomer would read it.
      resolveCustomer: (request) => {
        const sid = request.headers.get('cookie')?.split(/;\s*/).find((pair) => pair.startsWith(`${SESSION}=`))?.slice(SESSION.length + 1);
        return (sid && sessions.get(sid)) || null;
      },
      resolveCharge: () => ({ amount: 3980 }),
      payjp: counted,
      apiBase: sandbox.payjpApiBase,
      returnUrls: [`${shop}${RETURN_PATH}`],
    }),
  );
  // The attacker's pages: one server, reached as localhost (cross-site) or 127.0.0.1 (same-site).
  otherPort = await serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://attacker');
    const target = url.searchParams.get('target') ?? '';
    const enctype = url.searchParams.get('enctype') ?? 'application/x-www-form-urlencoded';
    const field = url.searchParams.get('field') === '1' ? '<input type="hidden" name="a" value="1">' : '';
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(html(`<form id="f" method="post" enctype="${enctype}" action="${target.replace(/"/g, '&quot;')}">${field}</form><script>document.getElementById('f').submit()</script>`));
  });
  browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await sandbox?.close();
});

/** A fresh shopper with a verified, unpaid charge, signed in to the shop in a fresh browser context. */
async function victim(): Promise<{ context: BrowserContext; chargeId: string }> {
  const customer = await client.customers.create({});
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${shop}/login?customer=${customer.id}`);
  const cookie = (await context.cookies(shop)).find((entry) => entry.name === SESSION);
  expect(cookie).toBeDefined();
  const headers = { cookie: `${SESSION}=${cookie!.value}`, 'content-type': 'application/json', origin: shop };
  const token = await client.tokens.create(
    { card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123', name: 'TARO YAMADA', email: 'taro@example.com' } },
    { 'X-Payjp-Direct-Token-Generate': 'true' },
  );
  const created = await fetch(`${shop}/api/3ds/charges`, { method: 'POST', headers, body: JSON.stringify({ token: token.id, order: 'cart' }) });
  expect(created.status).toBe(201);
  const chargeId = ((await created.json()) as { charge: { id: string } }).charge.id;
  const redirect = await fetch(`${shop}/api/3ds/charges/${chargeId}/redirect`, { method: 'POST', headers, body: '{}' });
  expect(redirect.status).toBe(200);
  await passChallenge(((await redirect.json()) as { url: string }).url, 'verified');
  const charge = await client.charges.retrieve(chargeId);
  expect(charge.three_d_secure_status).toBe('verified');
  expect(charge.paid).toBe(false);
  await page.close();
  return { context, chargeId };
}

/** The finish requests the handler saw for a charge since `from`. */
const finishesSeen = (chargeId: string, from: number) => seen.slice(from).filter((entry) => entry.path === `/api/3ds/charges/${chargeId}/finish`);

describe('CSRF against the finish route in Chromium, with a cookie session', () => {
  it.each([
    ['a cross-site top-level form post (localhost → 127.0.0.1)', 'localhost', 'application/x-www-form-urlencoded', false, 'cross-site'],
    ['a cross-site text/plain form post with a field', 'localhost', 'text/plain', true, 'cross-site'],
    ['a same-site form post from another port', '127.0.0.1', 'application/x-www-form-urlencoded', false, 'same-site'],
    ['a same-site text/plain form post with a field', '127.0.0.1', 'text/plain', true, 'same-site'],
  ])(
    'refuses %s: the charge stays unpaid',
    async (_name, attackerHost, enctype, withField, site) => {
      const { context, chargeId } = await victim();
      const from = seen.length;
      const before = finishCalls;
      const page = await context.newPage();
      const target = `${shop}/api/3ds/charges/${chargeId}/finish`;
      const landed = page.waitForURL(target, { timeout: 20_000 });
      await page.goto(`http://${attackerHost}:${otherPort}/attack?target=${encodeURIComponent(target)}&enctype=${encodeURIComponent(enctype)}&field=${withField ? 1 : 0}`);
      await landed;
      const answer = JSON.parse((await page.locator('body').textContent()) ?? '{}') as { error?: { code: string } };
      expect(['origin_not_allowed', 'unsupported_media_type']).toContain(answer.error?.code);
      // The attack reached the handler with the victim's session cookie, from the other page's origin.
      const [request] = finishesSeen(chargeId, from);
      expect(request).toMatchObject({ origin: `http://${attackerHost}:${otherPort}`, site });
      expect([403, 415]).toContain(request!.status);
      // The session cookie went along: same-site by SameSite=Lax rules, cross-site because the
      // cookie has no SameSite attribute and was set moments ago (Chromium's Lax+POST allowance).
      expect(request!.cookie).toBeDefined();
      expect(finishCalls).toBe(before);
      expect((await client.charges.retrieve(chargeId)).paid).toBe(false);
      await context.close();
    },
    60_000,
  );

  it('refuses a same-origin no-cors fetch with the cookie, and the kit client then finishes the charge', async () => {
    const { context, chargeId } = await victim();
    const page = await context.newPage();
    await page.goto(`${shop}/checkout`);
    const from = seen.length;
    const before = finishCalls;
    const status = await page.evaluate(async (url) => {
      const answer = await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' });
      return answer.type;
    }, `/api/3ds/charges/${chargeId}/finish`);
    expect(status).toBe('basic');
    const [request] = finishesSeen(chargeId, from);
    expect(request).toMatchObject({ origin: shop, site: 'same-origin', status: 415 });
    expect(request!.cookie).toBeDefined();
    expect(finishCalls).toBe(before);
    expect((await client.charges.retrieve(chargeId)).paid).toBe(false);

    // The kit's own client sends `{}` as JSON: it still finishes the charge.
    // A string, so the test runner's transform leaves the page's dynamic import alone.
    const outcome = await page.evaluate(`(async () => {
      const { createPayjpBackend } = await import('/kit.js');
      const charge = await createPayjpBackend({ baseUrl: '/api/3ds' }).finishCharge(${JSON.stringify(chargeId)});
      return charge.outcome;
    })()`);
    expect(outcome).toBe('succeeded');
    expect(finishesSeen(chargeId, from).map((entry) => entry.status)).toEqual([415, 200]);
    expect(finishCalls).toBe(before + 1);
    expect((await client.charges.retrieve(chargeId)).paid).toBe(true);
    await context.close();
  }, 60_000);
});
