import { createServer, request as httpRequest, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Payjp from 'payjp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createPayjpHandler, toNodeListener, type PayjpClientLike, type PayjpHandlerOptions } from '../../src/server';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from '../../src/sandbox';
import { passChallenge } from './passChallenge';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, sdkHttpError, seenBodies, send } from './payjpHandlerFake';

/**
 * Regression tests for the server findings of the security review (F1 body cap, F2 CSRF, F3
 * authentication before the finish lock, F11 key-shaped provider codes, F13 id lengths). Each one
 * replays the review's attack against the handler.
 */

afterAll(() => expectNoSecretIn(seenBodies));
afterEach(() => {
  vi.useRealTimers();
});

const ALICE = 'cus_alice';
const BOB = 'cus_bob';
const asAlice = { 'x-customer': ALICE };
const asBob = { 'x-customer': BOB };
const CAP = 16 * 1024;

function setup(options: Partial<PayjpHandlerOptions> = {}) {
  const fake = createFakePayjp();
  fake.addCard(ALICE, 'car_alice1');
  fake.putToken('tok_alice', null);
  fake.putToken('tok_guest', null);
  fake.putRequest({ id: 'tdsr_alice', resource_id: 'car_alice1' });
  const reported: unknown[] = [];
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    resolveCharge: () => ({ amount: 1000 }),
    payjp: fake.client,
    returnUrls: ['https://shop.example/checkout/3ds-return'],
    now: () => fake.clock.ms,
    onError: (error) => reported.push(error),
    ...options,
  });
  return { fake, handler, reported };
}

/** A body stream of `total` bytes in `chunk`-byte pieces that counts what the reader pulled. */
function countingStream(total: number, chunk = 1024) {
  const state = { pulled: 0, cancelled: false };
  const piece = new TextEncoder().encode('x'.repeat(chunk));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) {
          controller.close();
          return;
        }
        state.pulled += piece.byteLength;
        controller.enqueue(piece.slice());
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function streamedRequest(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  // No Content-Length: a chunked upload. `duplex` is what Node's fetch needs for a stream body.
  return new Request(`https://shop.example${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);
}

const BODY_ROUTES = ['/card-verifications', '/card-verifications/tdsr_alice/redirect', '/charges', '/charges/ch_a/redirect', '/tokens/tok_alice/redirect'];

describe('F1: the body cap is counted in bytes while streaming', () => {
  it.each(BODY_ROUTES)('%s refuses a chunked 8 MiB body without Content-Length after about 16 KiB, unauthenticated', async (path) => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', metadata: { react3ds_customer: ALICE } });
    const { stream, state } = countingStream(8 * 1024 * 1024);
    const answer = await handler(streamedRequest(path, stream));
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    // Stopped at the cap: at most one chunk past it was pulled, and the stream was cancelled.
    expect(state.pulled).toBeGreaterThan(CAP);
    expect(state.pulled).toBeLessThanOrEqual(CAP + 1024);
    expect(state.cancelled).toBe(true);
    expect(fake.calls).toEqual([]);
  });

  it('does not believe a small Content-Length on a large body', async () => {
    const { handler } = setup();
    const { stream, state } = countingStream(1024 * 1024);
    const answer = await handler(streamedRequest('/card-verifications', stream, { ...asAlice, 'content-length': '20' }));
    expect(answer.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(CAP + 1024);
  });

  it('counts multi-byte characters as bytes: 48 KB of 3-byte characters is refused', async () => {
    const { fake, handler } = setup();
    const body = JSON.stringify({ cardId: 'car_alice1', note: 'あ'.repeat(16_000) });
    expect(body.length).toBeLessThan(CAP);
    expect(new TextEncoder().encode(body).byteLength).toBeGreaterThan(48_000);
    const answer = await send(handler, 'POST', '/card-verifications', body, asAlice);
    expect(answer.status).toBe(413);
    expect(fake.calls).toEqual([]);
  });

  it('still reads a body just under the cap, and refuses invalid UTF-8', async () => {
    const { handler } = setup();
    const body = JSON.stringify({ cardId: 'car_alice1', note: 'x'.repeat(CAP - 100) });
    expect((await send(handler, 'POST', '/card-verifications', body, asAlice)).status).toBe(201);
    const invalid = new Request('https://shop.example/card-verifications', { method: 'POST', headers: { 'content-type': 'application/json', ...asAlice }, body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    expect((await handler(invalid)).status).toBe(400);
  });
});

/** A Node request whose body is produced on demand, 1 KiB at a time, counting what was read. */
function fakeNodeRequest(total: number, headers: Record<string, string>) {
  const state = { produced: 0 };
  const piece = Buffer.alloc(1024, 'x');
  const req = new Readable({
    highWaterMark: 1024,
    read() {
      if (state.produced >= total) {
        this.push(null);
        return;
      }
      state.produced += piece.byteLength;
      this.push(Buffer.from(piece));
    },
  });
  Object.assign(req, { method: 'POST', url: '/card-verifications', headers: { host: 'shop.example', 'transfer-encoding': 'chunked', ...headers }, socket: {} });
  return { req: req as unknown as IncomingMessage, state };
}

/** A ServerResponse stand-in that records the answer and how much body had been read by then. */
function fakeNodeResponse(readSoFar: () => number) {
  let done: (value: { status: number; headers: Record<string, unknown>; body: string; readAtAnswer: number }) => void = () => undefined;
  const answered = new Promise<{ status: number; headers: Record<string, unknown>; body: string; readAtAnswer: number }>((resolve) => {
    done = resolve;
  });
  let status = 0;
  let headers: Record<string, unknown> = {};
  let readAtAnswer = 0;
  const res = {
    headersSent: false,
    writeHead(code: number, given: Record<string, unknown>) {
      status = code;
      headers = given;
      readAtAnswer = readSoFar();
      this.headersSent = true;
      return this;
    },
    end(data?: Uint8Array) {
      done({ status, headers, body: data ? new TextDecoder().decode(data) : '', readAtAnswer });
      return this;
    },
    destroy() {},
  };
  return { res: res as unknown as ServerResponse, answered };
}

describe('F1: toNodeListener streams the body and the handler cap counts', () => {
  it('refuses an 8 MiB chunked body after reading about 16 KiB of it, and closes the connection', async () => {
    const { handler } = setup();
    const { req, state } = fakeNodeRequest(8 * 1024 * 1024, { 'content-type': 'application/json', ...asAlice });
    const { res, answered } = fakeNodeResponse(() => state.produced);
    toNodeListener(handler)(req, res);
    const answer = await answered;
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_request' } });
    expect(answer.headers.connection).toBe('close');
    // The handler's 16 KiB cap, not the listener's 64 KiB one, decided; the slack is Node's read-ahead.
    expect(answer.readAtAnswer).toBeLessThanOrEqual(CAP + 4 * 1024);
  });

  it('over real HTTP: a client streaming 32 MiB gets the 413 answer and the connection closes', async () => {
    const { handler } = setup();
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const piece = Buffer.alloc(64 * 1024, 'x');
      const answer = await new Promise<{ status: number; connection: string | undefined; body: string; sent: number }>((resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/card-verifications', headers: { 'content-type': 'application/json', ...asAlice } }, (res) => {
          answered = true;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body, sent }));
        });
        // The server closing mid-upload may surface as a write error after the answer: that is fine.
        req.on('error', (error) => (answered ? undefined : reject(error)));
        const pump = () => {
          while (!answered && sent < 32 * 1024 * 1024) {
            sent += piece.byteLength;
            if (!req.write(piece)) return void req.once('drain', pump);
          }
          if (!answered) req.end();
        };
        pump();
      });
      expect(answer.status).toBe(413);
      expect(answer.connection).toBe('close');
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_request' } });
      expect(answer.sent).toBeLessThan(32 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('still serves a normal body through a stream', async () => {
    const { handler } = setup();
    const body = Buffer.from(JSON.stringify({ cardId: 'car_alice1' }));
    const req = Readable.from([body], { objectMode: false });
    Object.assign(req, { method: 'POST', url: '/card-verifications', headers: { host: 'shop.example', 'content-type': 'application/json', ...asAlice }, socket: {} });
    const { res, answered } = fakeNodeResponse(() => 0);
    toNodeListener(handler)(req as unknown as IncomingMessage, res);
    const answer = await answered;
    expect(answer.status).toBe(201);
    expect(answer.headers.connection).toBeUndefined();
  });

  it('keeps maxBodyBytes as an outer bound (413 from the listener)', async () => {
    const { handler } = setup();
    const { req, state } = fakeNodeRequest(1024 * 1024, { 'content-type': 'application/json', ...asAlice });
    const { res, answered } = fakeNodeResponse(() => state.produced);
    toNodeListener(handler, { maxBodyBytes: 4096 })(req, res);
    const answer = await answered;
    expect(answer.status).toBe(413);
    expect(answer.readAtAnswer).toBeLessThanOrEqual(4096 + 4 * 1024);
  });
});

describe('F2: CSRF on the Fetch handler', () => {
  async function verifiedCharge(options: Partial<PayjpHandlerOptions> = {}) {
    const context = setup(options);
    context.fake.putCharge({ id: 'ch_a', three_d_secure_status: 'verified', metadata: { react3ds_customer: ALICE } });
    const finish = (headers: Record<string, string>, body?: BodyInit) =>
      context.handler(new Request('https://shop.example/charges/ch_a/finish', { method: 'POST', headers: { ...asAlice, ...headers }, ...(body === undefined ? {} : { body }) }));
    return { ...context, finish };
  }

  it.each([
    ['no body, no Content-Type (an empty form or a no-cors fetch)', {}, undefined],
    ['text/plain (a text/plain form)', { 'content-type': 'text/plain' }, ''],
    ['a urlencoded body', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
    ['multipart/form-data', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
  ])('refuses a finish with %s: 415, no PAY.JP call, unpaid', async (_name, headers, body) => {
    const { fake, finish } = await verifiedCharge();
    const answer = await finish(headers, body);
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(fake.calls).toEqual([]);
    expect(fake.charge('ch_a')?.paid).toBe(false);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: cross-site with the own Origin', { 'sec-fetch-site': 'cross-site', origin: 'https://shop.example' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a same-site Origin on another port', { origin: 'https://shop.example:8443', 'sec-fetch-site': 'same-site' }],
    ['a same-site Origin on another subdomain', { origin: 'https://www.shop.example', 'sec-fetch-site': 'same-site' }],
    ['Origin: null', { origin: 'null' }],
    ['the own origin over plain http', { origin: 'http://shop.example' }],
  ])('refuses a JSON finish with %s: 403 origin_not_allowed, no PAY.JP call', async (_name, headers) => {
    const { fake, finish } = await verifiedCharge();
    const answer = await finish({ 'content-type': 'application/json', ...headers }, '{}');
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    expect(fake.calls).toEqual([]);
    expect(fake.charge('ch_a')?.paid).toBe(false);
  });

  it.each([
    ['no Origin (server to server)', {}],
    ['its own Origin', { origin: 'https://shop.example', 'sec-fetch-site': 'same-origin' }],
    ['an empty JSON body', { origin: 'https://shop.example' }],
  ])('finishes a JSON POST with %s', async (_name, headers) => {
    const { fake, finish } = await verifiedCharge();
    const answer = await finish({ 'content-type': 'application/json; charset=utf-8', ...headers }, _name === 'an empty JSON body' ? undefined : '{}');
    expect(answer.status).toBe(200);
    expect(fake.charge('ch_a')?.paid).toBe(true);
  });

  it('accepts a listed origin (the reverse-proxy case), also cross-site, and nothing else', async () => {
    const { fake, handler } = setup({ allowedOrigins: ['https://public.example', 'http://localhost:5173'] });
    fake.putCharge({ id: 'ch_a', three_d_secure_status: 'verified', metadata: { react3ds_customer: ALICE } });
    // Behind a proxy, request.url names the internal origin; pages call from the public one.
    const finish = (origin: string, site: string) =>
      handler(new Request('http://127.0.0.1:3000/charges/ch_a/finish', { method: 'POST', headers: { ...asAlice, 'content-type': 'application/json', origin, 'sec-fetch-site': site }, body: '{}' }));
    expect((await finish('https://public.example.evil', 'cross-site')).status).toBe(403);
    expect((await finish('https://public.example', 'cross-site')).status).toBe(200);
    expect(fake.charge('ch_a')?.paid).toBe(true);
  });

  it('names the refused Origin and the option to list it in, without naming its own origin (a dev-server proxy is a one-line fix)', async () => {
    const { handler } = setup();
    // A Vite dev server's proxy rewrites Host: request.url is the API's own address, the page is on :5173.
    const refused = await handler(
      new Request('http://127.0.0.1:3001/card-verifications', { method: 'POST', headers: { ...asAlice, 'content-type': 'application/json', origin: 'http://localhost:5173' }, body: '{"cardId":"car_alice1"}' }),
    );
    expect(refused.status).toBe(403);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('origin_not_allowed');
    expect(error.message).toContain('"http://localhost:5173"');
    expect(error.message).toContain("allowedOrigins: ['http://localhost:5173']");
    // The internal address behind a proxy is not the caller's business.
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('applies to every route, GETs included, and to body routes before their body is read', async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', metadata: { react3ds_customer: ALICE } });
    expect((await send(handler, 'GET', '/charges/ch_a', undefined, { ...asAlice, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' }, { ...asAlice, origin: 'https://evil.example' })).status).toBe(403);
    expect((await send(handler, 'POST', '/tokens/tok_alice/finish', undefined, { ...asAlice, 'content-type': 'text/plain' })).status).toBe(415);
    expect(fake.calls).toEqual([]);
  });

  it.each([['https://shop.example/'], ['shop.example'], ['https://shop.example/path'], ['null'], ['*'], ['ftp://shop.example'], ['https://user@shop.example']])(
    'throws misconfigured at creation for allowedOrigins entry %s',
    (entry) => {
      expect(() => setup({ allowedOrigins: [entry] })).toThrow(expect.objectContaining({ code: 'misconfigured' }));
    },
  );
});

describe('F2: CSRF through every Node mount', () => {
  const servers: { close(callback: () => void): void }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  });

  async function serve(listener: RequestListener): Promise<string> {
    const server = createServer(listener);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  type Mount = (handler: (request: Request) => Promise<Response>) => RequestListener;
  const MOUNTS: [string, Mount][] = [
    ['http.createServer + toNodeListener', (handler) => toNodeListener(handler)],
    // Express 4: body-parser leaves `req.body = {}` for any content type it did not parse.
    [
      'Express 4 style (req.body = {})',
      (handler) => {
        const listener = toNodeListener(handler);
        return (req, res) => {
          req.resume();
          req.on('end', () => listener(Object.assign(req, { body: {} }), res, () => res.writeHead(404).end()));
        };
      },
    ],
    ['Express 5 style (req.body undefined, next)', (handler) => (req, res) => toNodeListener(handler)(req, res, () => res.writeHead(404).end())],
  ];

  it.each(MOUNTS)('%s: refuses form-like and foreign-origin finishes, and serves the real one', async (_name, mount) => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', three_d_secure_status: 'verified', metadata: { react3ds_customer: ALICE } });
    const base = await serve(mount(handler));
    const finish = async (headers: Record<string, string>, body?: string) => {
      const answer = await fetch(`${base}/api/3ds/charges/ch_a/finish`, { method: 'POST', headers: { ...asAlice, ...headers }, ...(body === undefined ? {} : { body }) });
      const text = await answer.text();
      seenBodies.push(text);
      return { status: answer.status, code: (JSON.parse(text) as { error?: { code: string } }).error?.code };
    };
    expect(await finish({})).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await finish({ 'content-type': 'text/plain' }, '{}')).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await finish({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1')).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await finish({ 'content-type': 'application/json', origin: 'http://localhost:1' }, '{}')).toEqual({ status: 403, code: 'origin_not_allowed' });
    expect(await finish({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, '{}')).toEqual({ status: 403, code: 'origin_not_allowed' });
    expect(fake.calls).toEqual([]);
    expect(fake.charge('ch_a')?.paid).toBe(false);
    expect((await finish({ 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin' }, '{}')).status).toBe(200);
    expect(fake.charge('ch_a')?.paid).toBe(true);
  });
});

/** Every client call waits `ms` first (PAY.JP's latency) and is logged with who asked. */
function slowClient(client: PayjpClientLike, ms: number, log: string[]): PayjpClientLike {
  const wait = () => new Promise((resolve) => setTimeout(resolve, ms));
  const charges = client.charges!;
  return {
    ...client,
    charges: {
      create: async (query) => (log.push('charges.create'), await wait(), charges.create(query)),
      retrieve: async (id) => (log.push('charges.retrieve'), await wait(), charges.retrieve(id)),
      tds_finish: async (id) => (log.push('charges.tds_finish'), await wait(), charges.tds_finish(id)),
    },
  };
}

describe('F3: authentication before the finish lock', () => {
  it('100 foreign-customer finishes in front of the owner cost no PAY.JP call and do not delay the owner', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_alice', null);
    const log: string[] = [];
    const { handler } = setup({ payjp: slowClient(fake.client, 40, log) });
    const created = await send(handler, 'POST', '/charges', { token: 'tok_alice', order: 'cart_1' }, asAlice);
    expect(created.status).toBe(201);
    const id = created.json.charge.id as string;
    fake.updateCharge(id, { three_d_secure_status: 'verified' });
    log.length = 0;

    const attacks = Array.from({ length: 100 }, () => send(handler, 'POST', `/charges/${id}/finish`, undefined, asBob));
    const started = Date.now();
    const owner = await send(handler, 'POST', `/charges/${id}/finish`, undefined, asAlice);
    const ownerMs = Date.now() - started;
    expect(owner.status).toBe(200);
    expect(owner.json.charge.paid).toBe(true);
    expect((await Promise.all(attacks)).map((answer) => answer.status)).toEqual(Array(100).fill(403));
    // Only the owner's fresh read and finish reached PAY.JP (before the fix: 100 reads first, ~4 s).
    expect(log).toEqual(['charges.retrieve', 'charges.tds_finish']);
    expect(ownerMs).toBeLessThan(1500);
  });

  it('a charge this process does not know yet costs the attackers one shared read, outside the lock', async () => {
    const fake = createFakePayjp();
    fake.putCharge({ id: 'ch_cold', three_d_secure_status: 'verified', metadata: { react3ds_customer: ALICE } });
    const log: string[] = [];
    const { handler } = setup({ payjp: slowClient(fake.client, 40, log) });
    const attacks = Array.from({ length: 100 }, () => send(handler, 'POST', '/charges/ch_cold/finish', undefined, asBob));
    const owner = await send(handler, 'POST', '/charges/ch_cold/finish', undefined, asAlice);
    expect(owner.status).toBe(200);
    expect((await Promise.all(attacks)).every((answer) => answer.status === 403)).toBe(true);
    expect(log.filter((call) => call === 'charges.retrieve').length).toBeLessThanOrEqual(2);
    expect(log.filter((call) => call === 'charges.tds_finish')).toHaveLength(1);
  });

  it('finish races across 5 handler instances (own locks, own owner caches) still pay once, against the sandbox', async () => {
    const sandbox = await createSandbox().listen();
    try {
      const sdk = Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase: sandbox.payjpApiBase, timeout: 5000 });
      const sdkCharges = sdk.charges as unknown as NonNullable<PayjpClientLike['charges']>;
      let finishes = 0;
      const counted: PayjpClientLike = {
        ...(sdk as unknown as PayjpClientLike),
        charges: {
          create: (query) => sdkCharges.create(query),
          retrieve: (id) => sdkCharges.retrieve(id),
          tds_finish: (id) => ((finishes += 1), sdkCharges.tds_finish(id)),
        },
      };
      const customer = await sdk.customers.create({});
      const handlers = Array.from({ length: 5 }, () =>
        createPayjpHandler({
          secretKey: SANDBOX_PAYJP_SECRET_KEY,
          publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
          resolveCustomer: (request) => request.headers.get('x-customer'),
          resolveCharge: () => ({ amount: 3980 }),
          payjp: counted,
          apiBase: sandbox.payjpApiBase,
          returnUrls: ['https://shop.example/3ds-return'],
        }),
      );
      const asOwner = { 'x-customer': customer.id };
      const token = await sdk.tokens.create({ card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123', name: 'TARO YAMADA', email: 'taro@example.com' } }, { 'X-Payjp-Direct-Token-Generate': 'true' });
      const created = await send(handlers[0]!, 'POST', '/charges', { token: token.id, order: 'cart' }, asOwner);
      const id = created.json.charge.id as string;
      const redirect = await send(handlers[0]!, 'POST', `/charges/${id}/redirect`, {}, asOwner);
      expect((await passChallenge(redirect.json.url as string, 'verified')).status).toBe(303);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) => send(handlers[index % 5]!, 'POST', `/charges/${id}/finish`, undefined, index % 2 === 0 ? asOwner : asBob)),
      );
      const owners = answers.filter((_, index) => index % 2 === 0);
      expect(owners.map((answer) => [answer.status, answer.json.charge?.paid])).toEqual(Array(5).fill([200, true]));
      expect(answers.filter((_, index) => index % 2 === 1).map((answer) => answer.status)).toEqual(Array(5).fill(403));
      // One finish per instance at most, and PAY.JP itself refuses all but the first.
      expect(finishes).toBeGreaterThanOrEqual(1);
      expect(finishes).toBeLessThanOrEqual(5);
      expect((await sdk.charges.retrieve(id)).paid).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('bogus guest tags cost no PAY.JP call, on finish, GET and redirect', async () => {
    const { fake, handler } = setup({ allowGuestCharges: true });
    const created = await send(handler, 'POST', '/charges', { token: 'tok_guest', order: 'cart_1' });
    const id = created.json.charge.id as string;
    const tag = created.json.chargeTag as string;
    fake.updateCharge(id, { three_d_secure_status: 'verified' });
    fake.calls.length = 0;
    const bogus = [tag.slice(0, -1), `${tag}A`, 'A'.repeat(43), 'x', tag.toUpperCase()];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const headers = { 'x-react3ds-charge-tag': bogus[index % bogus.length]! };
        return index % 3 === 0
          ? send(handler, 'GET', `/charges/${id}`, undefined, headers)
          : send(handler, 'POST', `/charges/${id}/${index % 3 === 1 ? 'finish' : 'redirect'}`, undefined, headers);
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(403));
    expect(fake.calls).toEqual([]);
    const owner = await send(handler, 'POST', `/charges/${id}/finish`, undefined, { 'x-react3ds-charge-tag': tag });
    expect(owner.json.charge.paid).toBe(true);
  });

  it('a resolveCustomer that never settles times out with 503 and holds nothing', async () => {
    vi.useFakeTimers();
    const { fake, handler, reported } = setup({
      resolveCustomer: (request) => (request.headers.get('x-hang') ? new Promise<string>(() => undefined) : request.headers.get('x-customer')),
    });
    fake.putCharge({ id: 'ch_a', three_d_secure_status: 'verified', metadata: { react3ds_customer: ALICE } });
    let hungStatus = 0;
    const hung = send(handler, 'POST', '/charges/ch_a/finish', undefined, { 'x-hang': '1' }).then((answer) => {
      hungStatus = answer.status;
      return answer;
    });
    const owner = send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    await vi.advanceTimersByTimeAsync(50);
    // The owner's finish went through while the hanging request still waits.
    expect((await owner).json.charge.paid).toBe(true);
    await vi.advanceTimersByTimeAsync(9_900);
    expect(hungStatus).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    const answer = await hung;
    expect(answer.status).toBe(503);
    expect(answer.json.error).toMatchObject({ code: 'backend_error' });
    expect(reported).toHaveLength(1);
  });

  it('the timeout is configurable, and invalid values throw at creation', async () => {
    vi.useFakeTimers();
    const { handler } = setup({ resolveCustomerTimeoutMs: 2_000, resolveCustomer: () => new Promise<string>(() => undefined) });
    let status = 0;
    const pending = send(handler, 'GET', '/charges/ch_a').then((answer) => (status = answer.status));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(status).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(status).toBe(503);
    for (const value of [0, -1, Number.NaN, '10']) {
      expect(() => setup({ resolveCustomerTimeoutMs: value as number })).toThrow(expect.objectContaining({ code: 'misconfigured' }));
    }
  });

  it('token finishes check the caller before queueing', async () => {
    vi.useFakeTimers();
    const { fake, handler } = setup({
      resolveCustomer: (request) => (request.headers.get('x-hang') ? new Promise<string>(() => undefined) : request.headers.get('x-customer')),
    });
    fake.putToken('tok_v', 'verified');
    const hung = send(handler, 'POST', '/tokens/tok_v/finish', undefined, { 'x-hang': '1' });
    const owner = send(handler, 'POST', '/tokens/tok_v/finish', undefined, asAlice);
    await vi.advanceTimersByTimeAsync(50);
    expect((await owner).json.token.outcome).toBe('succeeded');
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await hung).status).toBe(503);
  });
});

describe('F11: no key-shaped providerCode', () => {
  it.each([
    ['the secret key', SECRET_KEY],
    ['the public key', PUBLIC_KEY],
    ['another sk_ key', 'sk_live_0123456789abcdef'],
    ['a pk_ key', 'pk_live_0123456789abcdef'],
    ["the secret key's random part", SECRET_KEY.replace('sk_test_', 'x_')],
  ])('drops %s as a PAY.JP error code', async (_name, code) => {
    const { fake, handler } = setup();
    fake.failNext('charges.retrieve', sdkHttpError('v3', 400, code));
    const answer = await send(handler, 'GET', '/charges/ch_a', undefined, asAlice);
    expect(answer.status).toBe(502);
    expect(answer.json.error).not.toHaveProperty('providerCode');
    expect(answer.text).not.toContain(code);
  });

  it("drops a key-shaped failure_code of a declined charge, and keeps PAY.JP's real codes", async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', three_d_secure_status: 'verified', failure_code: SECRET_KEY, metadata: { react3ds_customer: ALICE } });
    const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(answer.status).toBe(402);
    expect(answer.json.error).not.toHaveProperty('providerCode');
    fake.putCharge({ id: 'ch_b', three_d_secure_status: 'verified', failure_code: 'card_declined', metadata: { react3ds_customer: ALICE } });
    expect((await send(handler, 'POST', '/charges/ch_b/finish', undefined, asAlice)).json.error.providerCode).toBe('card_declined');
  });
});

describe('F13: id lengths are capped', () => {
  const long = 'a'.repeat(100);
  it.each([
    ['GET', `/charges/ch_${long}`],
    ['POST', `/charges/ch_${long}/finish`],
    ['POST', `/charges/ch_${long}/redirect`],
    ['GET', `/card-verifications/tdsr_${long}`],
    ['POST', `/card-verifications/tdsr_${long}/redirect`],
    ['POST', `/tokens/tok_${long}/finish`],
    ['POST', `/tokens/tok_${long}/redirect`],
  ])('%s %s answers 400 without a PAY.JP call', async (method, path) => {
    const { fake, handler } = setup();
    const answer = await send(handler, method, path, method === 'POST' ? {} : undefined, asAlice);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: 'invalid_request', param: 'id' });
    expect(fake.calls).toEqual([]);
  });

  it('caps ids in bodies too, and still accepts a 64-character id', async () => {
    const { fake, handler } = setup();
    expect((await send(handler, 'POST', '/card-verifications', { cardId: `car_${long}` }, asAlice)).status).toBe(400);
    expect((await send(handler, 'POST', '/charges', { token: `tok_${long}`, order: 'cart_1' }, asAlice)).status).toBe(400);
    expect(fake.calls).toEqual([]);
    const at64 = `ch_${'a'.repeat(61)}`;
    expect((await send(handler, 'GET', `/charges/${at64}`, undefined, asAlice)).status).toBe(404);
    expect(fake.calls.map((call) => call.args[0])).toEqual([at64]);
  });
});
