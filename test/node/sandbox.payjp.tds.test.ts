// The customer-card 3-D Secure flow over HTTP: the start page (back_url JWS, workflows), the
// sandbox challenge page and its outcomes, the three_d_secure_request state machine, slow issuer
// and expiry with a fake clock, and the stand-in pay.js being served.
import { describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../src/sandbox';
import { complete, getTdsr, jws, listen, openStart, PK, SDKS, SK, startUrl, tdsrFor } from './sandbox.payjp.support';

const BACK = 'https://shop.example/3ds/return?attempt=a1b2&x=%E3%81%82#done';
const backUrl = (url = BACK, key = SK) => jws({ url, iat: 1_700_000_000 }, key);
const redirect = (url = BACK) => ({ publickey: PK, back_url: backUrl(url) });

function fakeClock(start = Date.UTC(2030, 0, 1)) {
  const clock = { now: start, advance: (ms: number) => (clock.now += ms), read: () => clock.now };
  return clock;
}

async function started(server: SandboxServer, number?: string) {
  const id = await tdsrFor(server, number);
  const start = await openStart(server, id, redirect());
  expect(start.status).toBe(200);
  if (!start.context) throw new Error('no context on the challenge page');
  return { id, context: start.context, page: start.page };
}

describe('start page (redirect workflow)', () => {
  it('verifies back_url, marks the request in_progress and shows the sandbox challenge', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read } });
    const id = await tdsrFor(server);
    clock.advance(5_000);
    const { status, page } = await openStart(server, id, redirect());
    expect(status).toBe(200);
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('本物のカード会社の画面ではありません');
    expect(page).toMatch(/<section aria-labelledby="tds-challenge-heading"[^>]*>\s*<h1 id="tds-challenge-heading">/);
    for (const [outcome, label] of [
      ['verified', '認証する'],
      ['attempted', 'アテンプト'],
      ['failed', '認証に失敗する'],
      ['error', 'エラー'],
      ['slow', '認証する（カード会社の応答が遅い）'],
      ['abandon', '閉じる'],
    ]) {
      expect(page).toContain(`data-outcome="${outcome}">${label}</button>`);
    }
    expect(page.match(/<form method="POST" action="\/v1\/tds\/[^"]+\/complete">/g)).toHaveLength(6);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'in_progress', started_at: Math.floor(clock.now / 1000), three_d_secure_status: 'unverified' });
  });

  it.each([
    ['a bad signature', () => `${backUrl().slice(0, -2)}AA`],
    ['a key of the other mode', () => backUrl(BACK, 'sk_live_sandbox')],
    ['another secret key', () => backUrl(BACK, 'sk_test_other')],
    ['alg none', () => `${jws({ url: BACK }, SK, { alg: 'none' }).split('.').slice(0, 2).join('.')}.`],
    ['alg HS512', () => jws({ url: BACK }, SK, { alg: 'HS512' })],
    ['a javascript: url', () => backUrl('javascript:alert(1)')],
    ['a relative url', () => backUrl('/3ds/return')],
    ['an ftp url', () => backUrl('ftp://shop.example/')],
    ['a url with spaces', () => backUrl('https://shop.example/a b')],
    ['no url claim', () => jws({ href: BACK }, SK)],
    ['not a JWS', () => 'not-a-jws'],
  ])('refuses back_url with %s (400 page, nothing started)', async (_name, make) => {
    const server = await listen();
    const id = await tdsrFor(server);
    const { status, page, context } = await openStart(server, id, { publickey: PK, back_url: make() });
    expect(status).toBe(400);
    expect(page).toContain('data-error="invalid_back_url"');
    expect(page).toContain('本物のカード会社の画面ではありません');
    expect(context).toBeNull();
    expect((await getTdsr(server, id)).state).toBe('created');
  });

  it('refuses a missing or foreign publickey, a missing back_url, and unknown ids', async () => {
    const server = await listen();
    const id = await tdsrFor(server);
    expect((await openStart(server, id, { back_url: backUrl() })).status).toBe(400);
    expect((await openStart(server, id, { publickey: 'pk_live_sandbox', back_url: backUrl() })).status).toBe(400);
    const noBack = await openStart(server, id, { publickey: PK, back: 'registered' });
    expect(noBack.status).toBe(400);
    expect(noBack.page).toContain('back_url');
    const unknown = await openStart(server, 'tdsr_unknown', redirect());
    expect(unknown.status).toBe(404);
    expect((await getTdsr(server, id)).state).toBe('created');
  });

  it('escapes what it shows', async () => {
    const server = await listen();
    const unknown = await openStart(server, '<img src=x onerror=alert(1)>', redirect());
    expect(unknown.status).toBe(404);
    expect(unknown.page).not.toContain('<img');
    expect(unknown.page).toContain('&lt;img');
  });
});

describe('challenge outcomes', () => {
  it.each(['verified', 'attempted', 'failed', 'error'] as const)('%s: 303 to the exact signed URL, request finished', async (outcome) => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read } });
    const { id, context } = await started(server);
    clock.advance(42_000);
    const done = await complete(server, id, context, outcome);
    expect(done.status).toBe(303);
    expect(done.location).toBe(BACK);
    const at = Math.floor(clock.now / 1000);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'finished', three_d_secure_status: outcome, result_received_at: at, finished_at: at, expired_at: null });
  });

  it('keeps whatever the signed URL holds, adding nothing', async () => {
    const server = await listen();
    const id = await tdsrFor(server);
    const url = 'http://127.0.0.1:5173/return?';
    const start = await openStart(server, id, { publickey: PK, back_url: backUrl(url) });
    expect((await complete(server, id, start.context ?? '', 'verified')).location).toBe(url);
  });

  it('reads the result through both SDKs', async () => {
    const server = await listen();
    const { id, context } = await started(server);
    await complete(server, id, context, 'attempted');
    for (const sdk of SDKS) {
      const tdsr = await sdk.create(SK, server.payjpApiBase).three_d_secure_requests.retrieve(id);
      expect(tdsr).toMatchObject({ id, state: 'finished', three_d_secure_status: 'attempted' });
    }
  });

  it('slow: the result lands slowIssuerMs after the page completes; until then in_progress', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, slowIssuerMs: 10_000 } });
    const { id, context } = await started(server);
    const done = await complete(server, id, context, 'slow');
    expect(done.location).toBe(BACK);
    const completedAt = clock.now;
    clock.advance(9_999);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified', result_received_at: null, finished_at: null });
    // The flow is over for the shopper: the pages refuse a second answer.
    expect((await complete(server, id, context, 'failed')).status).toBe(409);
    clock.advance(1);
    const at = Math.floor((completedAt + 10_000) / 1000);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'finished', three_d_secure_status: 'verified', result_received_at: at, finished_at: at });
  });

  it('slow with the real clock and a short slowIssuerMs', async () => {
    // 1 s leaves room for a loaded machine between the answer and the first read (50 ms did not).
    const server = await listen({ payjp: { slowIssuerMs: 1_000 } });
    const { id, context } = await started(server);
    await complete(server, id, context, 'slow');
    const answeredAt = Date.now();
    expect((await getTdsr(server, id)).state).toBe('in_progress');
    let tdsr = await getTdsr(server, id);
    while (tdsr.state !== 'finished' && Date.now() - answeredAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      tdsr = await getTdsr(server, id);
    }
    expect(tdsr).toMatchObject({ state: 'finished', three_d_secure_status: 'verified' });
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(1_000);
  });

  it('abandon: back to back_url with no result; the challenge can be opened again', async () => {
    const server = await listen();
    const { id, context } = await started(server);
    const done = await complete(server, id, context, 'abandon');
    expect(done).toMatchObject({ status: 303, location: BACK });
    expect(await getTdsr(server, id)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified', finished_at: null });
    const again = await openStart(server, id, redirect());
    expect(again.status).toBe(200);
    await complete(server, id, again.context ?? '', 'verified');
    expect((await getTdsr(server, id)).three_d_secure_status).toBe('verified');
  });

  it('refuses a second result, a tampered or foreign context, and unknown outcomes', async () => {
    const server = await listen();
    const { id, context } = await started(server);
    const other = await started(server);
    expect((await complete(server, id, `${context.slice(0, -2)}xx`, 'verified')).status).toBe(400);
    expect((await complete(server, id, other.context, 'verified')).status).toBe(400);
    const bad = await complete(server, id, context, 'magic');
    expect(bad.status).toBe(400);
    expect((await getTdsr(server, id)).state).toBe('in_progress');
    expect((await complete(server, id, context, 'failed')).status).toBe(303);
    const second = await complete(server, id, context, 'verified');
    expect(second.status).toBe(409);
    expect(second.page).toContain('href="https://shop.example/3ds/return?attempt=a1b2&amp;x=%E3%81%82#done"');
    expect((await getTdsr(server, id)).three_d_secure_status).toBe('failed');
    const reopened = await openStart(server, id, redirect());
    expect(reopened.status).toBe(409);
    expect(reopened.context).toBeNull();
  });

  it('answers 405 for the wrong method', async () => {
    const server = await listen();
    const id = await tdsrFor(server);
    expect((await fetch(startUrl(server, id, redirect()), { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.payjpApiBase}/tds/${id}/complete`)).status).toBe(405);
  });
});

describe('expiry', () => {
  it('sets expired_at once requestExpiryMs passed without a result; start page shows the expiry page', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, requestExpiryMs: 60_000 } });
    const id = await tdsrFor(server);
    const created = clock.now;
    clock.advance(60_000);
    expect((await getTdsr(server, id)).expired_at).toBeNull();
    clock.advance(1);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'created', expired_at: Math.floor((created + 60_000) / 1000), three_d_secure_status: 'unverified' });
    const start = await openStart(server, id, redirect());
    expect(start.status).toBe(400);
    expect(start.page).toContain('data-error="three_d_secure_expired"');
    expect(start.page).toContain('期限切れ');
    expect(start.context).toBeNull();
  });

  it('refuses a result that arrives after expiry', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, requestExpiryMs: 60_000 } });
    const { id, context } = await started(server);
    clock.advance(61_000);
    const late = await complete(server, id, context, 'verified');
    expect(late.status).toBe(400);
    expect(late.page).toContain('data-error="three_d_secure_expired"');
    expect(late.page).toContain('href="https://shop.example/3ds/return?attempt=a1b2&amp;x=%E3%81%82#done"');
    expect(await getTdsr(server, id)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified', expired_at: expect.any(Number), finished_at: null });
  });

  it('drops a slow result that would land after expiry', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, requestExpiryMs: 60_000, slowIssuerMs: 30_000 } });
    const { id, context } = await started(server);
    clock.advance(50_000);
    await complete(server, id, context, 'slow');
    clock.advance(40_000);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified', expired_at: expect.any(Number) });
  });

  it('never expires a finished request', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, requestExpiryMs: 60_000 } });
    const { id, context } = await started(server);
    await complete(server, id, context, 'verified');
    clock.advance(3_600_000);
    expect(await getTdsr(server, id)).toMatchObject({ state: 'finished', expired_at: null, three_d_secure_status: 'verified' });
  });
});

describe('iframe and subwindow workflows (used by the stand-in pay.js)', () => {
  it.each(['iframe', 'subwindow'])('%s: the last page posts to the given origin', async (workflow) => {
    const server = await listen();
    const id = await tdsrFor(server);
    const start = await openStart(server, id, { publickey: PK, workflow, origin: 'http://shop.example:3000' });
    expect(start.status).toBe(200);
    const done = await complete(server, id, start.context ?? '', 'verified');
    expect(done.status).toBe(200);
    expect(done.page).toContain(`data-workflow="${workflow}" data-origin="http://shop.example:3000" data-id="${id}" data-type="three-d-secure-complete" data-auto="true"`);
    expect(done.page).toContain("source: 'payjp-sandbox'");
    expect((await getTdsr(server, id)).state).toBe('finished');
  });

  it('abandon tells pay.js the shopper closed it', async () => {
    const server = await listen();
    const id = await tdsrFor(server);
    const start = await openStart(server, id, { publickey: PK, workflow: 'iframe', origin: 'http://shop.example' });
    const done = await complete(server, id, start.context ?? '', 'abandon');
    expect(done.page).toContain('data-type="three-d-secure-canceled"');
    expect((await getTdsr(server, id)).state).toBe('in_progress');
  });

  it.each(['', 'javascript:alert(1)', 'http://shop.example/path', 'http://shop.example/', 'null', 'file:///etc'])('refuses origin %j', async (origin) => {
    const server = await listen();
    const id = await tdsrFor(server);
    const start = await openStart(server, id, { publickey: PK, workflow: 'iframe', origin });
    expect(start.status).toBe(400);
    expect(start.page).toContain('data-error="invalid_origin"');
    expect((await getTdsr(server, id)).state).toBe('created');
  });

  it('offers a button that ends the flow on the expiry page', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, requestExpiryMs: 1_000 } });
    const id = await tdsrFor(server);
    clock.advance(2_000);
    const start = await openStart(server, id, { publickey: PK, workflow: 'subwindow', origin: 'http://shop.example' });
    expect(start.status).toBe(400);
    expect(start.page).toContain('data-type="three-d-secure-complete" data-auto="false" data-error="three_d_secure_expired"');
    expect(start.page).toContain('id="payjp-sandbox-notify-button"');
  });
});

describe('sandbox 3-D Secure card numbers', () => {
  it.each([
    ['4000000000003055', 'verified'],
    ['4000000000003063', 'attempted'],
    ['4000000000003071', 'failed'],
  ])('%s completes itself as %s (frictionless), whatever the form says', async (number, status) => {
    const server = await listen();
    const { id, context, page } = await started(server, number);
    expect(page).toContain(`data-frictionless="${status}"`);
    expect(page).not.toMatch(/<button[^>]*data-outcome=/);
    expect(page).toMatch(/<form id="payjp-sandbox-frictionless" method="POST"/);
    const done = await complete(server, id, context, 'error');
    expect(done.location).toBe(BACK);
    expect((await getTdsr(server, id)).three_d_secure_status).toBe(status);
  });

  it('4000000000003220 shows the challenge buttons', async () => {
    const server = await listen();
    const { page } = await started(server, '4000000000003220');
    expect(page).toContain('data-outcome="verified"');
    expect(page).not.toContain('data-frictionless');
  });
});

describe('stand-in pay.js', () => {
  it('is served as a classic script, uncached, defining only window.Payjp', async () => {
    const server = await listen();
    const response = await fetch(server.payjsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const source = await response.text();
    expect(source).toContain('window.Payjp = Payjp;');
    expect(source).not.toMatch(/\bimport\b|\bexport\b|console\./);
    expect(() => new Function(source)).not.toThrow();
  });

  it('waits payjsLatencyMs', async () => {
    const server = await listen({ payjp: { payjsLatencyMs: 150 } });
    const started = performance.now();
    await (await fetch(server.payjsUrl)).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
