import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { html } from '../../src/sandbox/html';
import { createSandbox, SANDBOX_SESSION_COOKIE, type SandboxOptions, type SandboxServer } from '../../src/sandbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function listen(options?: SandboxOptions): Promise<SandboxServer> {
  const server = await createSandbox(options).listen();
  cleanups.push(() => server.close());
  return server;
}

let tokenCounter = 0;
function order(returnUrl = '/order/3dsec/') {
  tokenCounter += 1;
  return { product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_handler${String(tokenCounter).padStart(8, '0')}`, card_options: { card_3dsec_return_url: returnUrl } };
}

function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('handler as middleware', () => {
  it('calls next() for paths it does not know, and serves its own', async () => {
    const sandbox = createSandbox({ kuroco: { auth: 'none' } });
    const server: Server = createServer((req, res) => {
      sandbox.handler(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('from next');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    for (const path of ['/', '/index.html', '/paygent/other', '/paygent/3ds/unknown', '/rcms-apix/1/ec/order']) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).toBe('from next');
    }
    const own = await fetch(`${base}/rcms-api/1/ec/order/1`);
    expect(own.status).toBe(404);
    expect(await own.json()).toMatchObject({ errors: [{ code: 'not_found' }] });
    // Links use the origin the request came through (here: this middleware host).
    const purchase = (await (await postJson(`${base}/rcms-api/1/ec/order`, order())).json()) as {
      ext_data: { credit_card_3dsec_resp: { out_acs_html: string } };
    };
    expect(purchase.ext_data.credit_card_3dsec_resp.out_acs_html).toContain(`action="${base}/paygent/3ds/connector"`);
  });

  it('answers a plain 404 for unknown paths without next', async () => {
    const server = await listen();
    const response = await fetch(`${server.url}/elsewhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-rcms-request-id')).toBeNull();
  });
});

describe('cookie auth', () => {
  it('needs the session cookie issued by /login', async () => {
    const server = await listen({ kuroco: { auth: 'cookie' } });
    const denied = await postJson(`${server.kurocoApiBase}/ec/order`, order());
    expect(denied.status).toBe(401);
    const deniedBody = (await denied.json()) as Record<string, unknown>;
    expect(deniedBody).toEqual({ errors: [{ code: 'unauthorized', message: expect.any(String) }], 'x-rcms-request-id': denied.headers.get('x-rcms-request-id') });

    const login = await postJson(`${server.kurocoApiBase}/login`, { email: 'shopper@example.com', password: 'anything' });
    expect(login.status).toBe(200);
    expect(await login.json()).toEqual({
      grant_token: expect.any(String),
      status: 0,
      member_id: expect.any(Number),
      info: { validUntil: expect.any(Number) },
      messages: [],
      errors: [],
    });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SANDBOX_SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Lax$`));
    const cookie = setCookie.split(';')[0] ?? '';

    const bought = await postJson(`${server.kurocoApiBase}/ec/order`, order(), { Cookie: cookie });
    expect(bought.status).toBe(200);
    const id = ((await bought.json()) as { ids: number[] }).ids[0];
    const details = await fetch(`${server.kurocoApiBase}/ec/order/${id}`, { headers: { Cookie: cookie } });
    expect(details.status).toBe(200);

    // A cookie the sandbox never issued does not count.
    const forged = await fetch(`${server.kurocoApiBase}/ec/order/${id}`, { headers: { Cookie: `${SANDBOX_SESSION_COOKIE}=forged` } });
    expect(forged.status).toBe(401);

    // Another session cannot see the order.
    const other = await postJson(`${server.kurocoApiBase}/login`, { email: 'other@example.com', password: 'x' });
    const otherCookie = (other.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const hidden = await fetch(`${server.kurocoApiBase}/ec/order/${id}`, { headers: { Cookie: otherCookie } });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ errors: [{ code: 'not_found' }] });
  });

  it('login names missing fields', async () => {
    const server = await listen({ kuroco: { auth: 'cookie' } });
    const response = await postJson(`${server.kurocoApiBase}/login`, { email: '' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { code: string; field: string }[] };
    expect(body.errors.map(({ code, field }) => [code, field])).toEqual([
      ['required', 'email'],
      ['required', 'password'],
    ]);
  });

  it('ignores the token header in cookie mode', async () => {
    const server = await listen({ kuroco: { auth: 'cookie' } });
    const response = await postJson(`${server.kurocoApiBase}/ec/order`, order(), { 'X-RCMS-API-ACCESS-TOKEN': 'sandbox-access-token' });
    expect(response.status).toBe(401);
  });
});

describe('options', () => {
  it('token auth uses the configured accessToken', async () => {
    const server = await listen({ kuroco: { accessToken: 'custom' } });
    expect((await postJson(`${server.kurocoApiBase}/ec/order`, order(), { 'X-RCMS-API-ACCESS-TOKEN': 'sandbox-access-token' })).status).toBe(401);
    expect((await postJson(`${server.kurocoApiBase}/ec/order`, order(), { 'X-RCMS-API-ACCESS-TOKEN': 'custom' })).status).toBe(200);
  });

  it('auth none needs nothing', async () => {
    const server = await listen({ kuroco: { auth: 'none' } });
    expect((await postJson(`${server.kurocoApiBase}/ec/order`, order())).status).toBe(200);
  });

  it('apiId and paths move the endpoints', async () => {
    const server = await listen({ kuroco: { auth: 'none', apiId: 7, paths: { purchase: '/purchase/', orderDetails: 'orders/{ec_order_id}/detail' } } });
    expect(server.kurocoApiBase).toBe(`${server.url}/rcms-api/7`);
    const bought = await postJson(`${server.kurocoApiBase}/purchase`, order());
    expect(bought.status).toBe(200);
    const id = ((await bought.json()) as { ids: number[] }).ids[0];
    const details = await fetch(`${server.kurocoApiBase}/orders/${id}/detail`);
    expect(details.status).toBe(200);
    expect(((await details.json()) as { details: { ec_order_id: number } }).details.ec_order_id).toBe(id);
    expect((await postJson(`${server.url}/rcms-api/1/ec/order`, order())).status).toBe(404);
  });

  it('latencyMs delays every Kuroco answer', async () => {
    const server = await listen({ kuroco: { auth: 'none', latencyMs: 150 } });
    const started = performance.now();
    await fetch(`${server.kurocoApiBase}/ec/order/1`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rejects options that cannot work', () => {
    expect(() => createSandbox({ kuroco: { apiId: 0 } })).toThrow(TypeError);
    expect(() => createSandbox({ kuroco: { statusDelayMs: -1 } })).toThrow(TypeError);
    expect(() => createSandbox({ kuroco: { paths: { orderDetails: 'ec/order' } } })).toThrow(/ec_order_id/);
    expect(() => createSandbox({ kuroco: { frontendOrigin: 'not a url' } })).toThrow(TypeError);
    expect(() => createSandbox({ kuroco: { acsHtml: 'fragment' as 'form' } })).toThrow(TypeError);
  });

  it('keeps data per instance', async () => {
    const first = await listen({ kuroco: { auth: 'none' } });
    const second = await listen({ kuroco: { auth: 'none' } });
    const token = order();
    expect((await postJson(`${first.kurocoApiBase}/ec/order`, token)).status).toBe(200);
    // The same token is fresh for another instance, and order 1001 exists only in the first.
    expect((await postJson(`${second.kurocoApiBase}/ec/order`, token)).status).toBe(200);
    expect((await fetch(`${second.kurocoApiBase}/ec/order/1002`)).status).toBe(404);
  });
});

describe('html builder', () => {
  it('escapes every interpolated value unless it is already safe HTML', () => {
    const hostile = `"><script>alert('x')</script>&`;
    const built = html`<p title="${hostile}">${hostile}${html`<b>${hostile}</b>`}${[hostile, 1]}</p>`.value;
    const escaped = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;';
    expect(built).toBe(`<p title="${escaped}">${escaped}<b>${escaped}</b>${escaped}1</p>`);
  });
});
