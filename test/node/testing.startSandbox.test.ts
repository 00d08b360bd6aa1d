// react-3ds-kit/testing without a browser: startSandbox's presets and clock, and the in-memory Fetch
// adapter over the sandbox (Kuroco's late status landing when the clock moves).
import { afterEach, describe, expect, it } from 'vitest';
import { applySandboxPresets, createSandboxClock, startSandbox, toFetchHandler, type RunningSandbox } from '../../src/testing';
import { createSandbox } from '../../src/sandbox';

let running: RunningSandbox | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe('applySandboxPresets', () => {
  it('applies presets in order under the caller’s own options, with the clock as both providers’ now', () => {
    const clock = createSandboxClock();
    const options = applySandboxPresets({ presets: ['lateIssuer', 'strandedShopper'], kuroco: { statusDelayMs: 5 } }, clock);
    expect(options.payjp).toEqual({ now: clock.now, slowIssuerMs: 270_000 });
    expect(options.kuroco).toEqual({ now: clock.now, statusDelayMs: 5, authentication: 'stranded' });
  });

  it('keeps a now of the caller’s, and names the known presets for an unknown one', () => {
    const now = () => 0;
    expect(applySandboxPresets({ payjp: { now } }, createSandboxClock()).payjp?.now).toBe(now);
    expect(() => applySandboxPresets({ presets: ['slowNetwork' as never] }, createSandboxClock())).toThrow(/unknown preset "slowNetwork" \(known: lateIssuer, strandedShopper\)/);
  });
});

describe('createSandboxClock', () => {
  it('runs with real time and moves forward by advance(ms), never backwards', () => {
    const clock = createSandboxClock();
    const before = Date.now();
    clock.advance(60_000);
    expect(clock.now()).toBeGreaterThanOrEqual(before + 60_000);
    expect(() => clock.advance(-1)).toThrow(TypeError);
    expect(() => clock.advance(Number.NaN)).toThrow(TypeError);
  });
});

describe('startSandbox', () => {
  it('listens on a free 127.0.0.1 port with the sandbox’s URLs, and stops on close()', async () => {
    running = await startSandbox();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.payjsUrl).toBe(`${running.url}/payjs/v2/pay.js`);
    expect((await fetch(running.payjsUrl)).status).toBe(200);
    const url = running.url;
    await running.close();
    running = null;
    await expect(fetch(`${url}/payjs/v2/pay.js`)).rejects.toThrow();
  });
});

describe('toFetchHandler', () => {
  const KUROCO = 'http://kuroco.test/rcms-api/1';
  const headers = { 'content-type': 'application/json', 'x-rcms-api-access-token': 'sandbox-access-token', origin: 'http://shop.test' };

  it('serves the sandbox in memory: a Kuroco order paid late reads paid once the clock moves', async () => {
    const clock = createSandboxClock();
    const serve = toFetchHandler(createSandbox(applySandboxPresets({ presets: ['lateIssuer'] }, clock)).handler);
    const purchase = await serve(
      new Request(`${KUROCO}/ec/order`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: 'tok_testing00000001', card_options: { card_3dsec_return_url: '/return' } }),
      }),
    );
    expect(purchase.status).toBe(200);
    expect(purchase.headers.get('access-control-allow-origin')).toBe('http://shop.test');
    const body = (await purchase.json()) as { ids: number[]; ext_data: { credit_card_3dsec_resp: { out_acs_html: string } } };
    const orderId = body.ids[0];
    const acs = body.ext_data.credit_card_3dsec_resp.out_acs_html;
    // The ACS form posts to the connector, which sends the browser to the challenge page.
    const action = new URL(/action="([^"]+)"/.exec(acs)?.[1] ?? '', 'http://kuroco.test').toString();
    const fields = [...acs.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']);
    const connector = await serve(new Request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }));
    expect(connector.status).toBe(303);
    const session = new URL(connector.headers.get('location') ?? '', 'http://kuroco.test').searchParams.get('session') ?? '';
    const done = await serve(
      new Request('http://kuroco.test/paygent/3ds/challenge/complete', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ session, outcome: 'pass' }).toString() }),
    );
    expect([302, 303]).toContain(done.status);
    const status = async () => ((await (await serve(new Request(`${KUROCO}/ec/order/${orderId}`, { headers }))).json()) as { details: { payment_status: string } }).details.payment_status;
    expect(await status()).toBe('payment_failed');
    clock.advance(30_000);
    expect(await status()).toBe('paid');
  });

  it('answers 404 for a path the sandbox does not know', async () => {
    const serve = toFetchHandler(createSandbox().handler);
    expect((await serve(new Request('http://kuroco.test/elsewhere'))).status).toBe(404);
  });
});
