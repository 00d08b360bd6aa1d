import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Payjp from 'payjp';
import Payjp3 from 'payjp3';
import { afterEach, afterAll, describe, expect, it } from 'vitest';
import { createPayjpHandler, getNodeRequest, toNodeListener, type PayjpClientLike } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_BASIC, SECRET_KEY } from './payjpHandlerFake';

const seen: string[] = [];
afterAll(() => expectNoSecretIn(seen));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function fetchText(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const text = await response.text();
  seen.push(text, [...response.headers].join('\n'));
  return { status: response.status, headers: response.headers, text };
}

type SessionRequest = IncomingMessage & { session?: { customerId?: string } };

function handlerWithFake() {
  const fake = createFakePayjp();
  fake.addCard('cus_alice', 'car_alice1');
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    basePath: '/api/3ds',
    // What an Express app does: read the session a middleware put on the Node request.
    resolveCustomer: (request) => getNodeRequest<SessionRequest>(request)?.session?.customerId ?? null,
    payjp: fake.client,
  });
  return { fake, handler };
}

describe('both SDK majors fit PayjpClientLike', () => {
  it('type-checks and constructs without a network call', () => {
    const v2: PayjpClientLike = Payjp(SECRET_KEY);
    const v3: PayjpClientLike = Payjp3(SECRET_KEY);
    expect(typeof v2.three_d_secure_requests.create).toBe('function');
    expect(typeof v3.customers.cards.retrieve).toBe('function');
  });
});

describe('toNodeListener', () => {
  it('serves the protocol through node:http, with the Node request visible to resolveCustomer', async () => {
    const { handler } = handlerWithFake();
    const listener = toNodeListener(handler);
    const base = await serve((req, res) => {
      (req as SessionRequest).session = { customerId: req.headers['x-test-customer'] as string | undefined };
      listener(req, res);
    });
    const created = await fetchText(`${base}/api/3ds/card-verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-customer': 'cus_alice' },
      body: JSON.stringify({ cardId: 'car_alice1' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(created.text)).toMatchObject({ verification: { cardId: 'car_alice1', outcome: 'pending' } });

    const anonymous = await fetchText(`${base}/api/3ds/card-verifications/tdsr_fake1`);
    expect(anonymous.status).toBe(401);
    const wrongMethod = await fetchText(`${base}/api/3ds/card-verifications/tdsr_fake1`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    // Without next, unknown paths get the handler's JSON 404.
    const unknown = await fetchText(`${base}/elsewhere`);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('hands unknown paths to next(), like Express and Vite middleware expect', async () => {
    const { handler } = handlerWithFake();
    const listener = toNodeListener(handler);
    const base = await serve((req, res) => {
      listener(req, res, () => {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('from next');
      });
    });
    expect((await fetchText(`${base}/index.html`)).text).toBe('from next');
    expect((await fetchText(`${base}/api/3ds/other`)).text).toBe('from next');
    // Its own paths are answered, 404s from PAY.JP included.
    const own = await fetchText(`${base}/api/3ds/card-verifications/tdsr_nothing`);
    expect(own.status).toBe(401);
  });

  it('uses a body already parsed by express.json() and Express originalUrl', async () => {
    const { handler } = handlerWithFake();
    const listener = toNodeListener(handler);
    const base = await serve((req, res) => {
      // What Express does for app.use('/api/3ds', express.json(), listener).
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const express = req as SessionRequest & { body?: unknown; originalUrl?: string };
        express.body = JSON.parse(raw) as unknown;
        express.originalUrl = req.url;
        req.url = (req.url ?? '/').replace(/^\/api\/3ds/, '') || '/';
        express.session = { customerId: 'cus_alice' };
        listener(req, res);
      });
    });
    const created = await fetchText(`${base}/api/3ds/card-verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardId: 'car_alice1' }),
    });
    expect(created.status).toBe(201);
  });

  it('refuses bodies over maxBodyBytes with 413', async () => {
    const { handler, fake } = handlerWithFake();
    const listener = toNodeListener(handler, { maxBodyBytes: 100 });
    const base = await serve((req, res) => listener(req, res));
    const answer = await fetchText(`${base}/api/3ds/card-verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardId: 'car_alice1', pad: 'x'.repeat(500) }),
    });
    expect(answer.status).toBe(413);
    expect(fake.calls).toEqual([]);
  });
});

describe('the default SDK (import("payjp") with apiBase)', () => {
  it('sends the secret key only to apiBase, and turns PAY.JP 401 into 500 misconfigured', async () => {
    const seenAuth: (string | undefined)[] = [];
    const paths: string[] = [];
    const apiOrigin = await serve((req, res) => {
      seenAuth.push(req.headers.authorization);
      paths.push(`${req.method} ${req.url}`);
      res.writeHead(401, { 'content-type': 'application/json' }).end(
        JSON.stringify({ error: { code: 'invalid_api_key', message: `Invalid API Key: ${SECRET_KEY}`, status: 401, type: 'auth_error' } }),
      );
    });
    const handler = createPayjpHandler({
      secretKey: SECRET_KEY,
      publicKey: PUBLIC_KEY,
      resolveCustomer: () => 'cus_alice',
      apiBase: `${apiOrigin}/v1`,
    });
    const response = await handler(
      new Request('https://shop.example/card-verifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cardId: 'car_alice1' }) }),
    );
    const text = await response.text();
    seen.push(text);
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'misconfigured', providerCode: 'invalid_api_key' } });
    expect(paths).toEqual(['GET /v1/customers/cus_alice/cards/car_alice1']);
    expect(seenAuth).toEqual([`Basic ${SECRET_BASIC}`]);
  });
});
