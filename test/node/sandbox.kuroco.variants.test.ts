// The Kuroco / Paygent stand-in's variant options: the status of an authentication failure
// (`authFailureStatus`) and what the Paygent connector does after the ACS form (`authentication`).
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type KurocoSandboxOptions, type SandboxServer } from '../../src/sandbox';

const TOKEN = 'sandbox-access-token';
const servers: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function listen(options: KurocoSandboxOptions): Promise<SandboxServer> {
  const server = await createSandbox({ kuroco: options }).listen();
  servers.push(server);
  return server;
}

let counter = 0;
async function purchase(server: SandboxServer) {
  counter += 1;
  const response = await fetch(`${server.kurocoApiBase}/ec/order`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RCMS-API-ACCESS-TOKEN': TOKEN },
    body: JSON.stringify({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_variant${String(counter).padStart(8, '0')}`, card_options: { card_3dsec_return_url: '/order/3dsec/' } }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { ids: number[]; ext_data: { credit_card_3dsec_resp: { out_acs_html: string } } };
  return { orderId: body.ids[0] ?? 0, acsHtml: body.ext_data.credit_card_3dsec_resp.out_acs_html };
}

/** Posts the ACS form as the browser's auto-submit would (test-only regex parsing of the sandbox's HTML). */
function submitAcs(acsHtml: string): Promise<Response> {
  const action = /<form name="submitForm" action="([^"]*)"/.exec(acsHtml)?.[1] ?? '';
  const fields = [...acsHtml.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((match): [string, string] => [match[1] ?? '', (match[2] ?? '').replace(/&amp;/g, '&')]);
  return fetch(action, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
}

async function paymentStatus(server: SandboxServer, orderId: number): Promise<string> {
  const response = await fetch(`${server.kurocoApiBase}/ec/order/${orderId}`, { headers: { 'X-RCMS-API-ACCESS-TOKEN': TOKEN } });
  return ((await response.json()) as { details: { payment_status: string } }).details.payment_status;
}

describe('authFailureStatus', () => {
  it("403: every authentication failure answers Kuroco's 403 forbidden envelope (token and cookie modes)", async () => {
    const tokenMode = await listen({ authFailureStatus: 403 });
    const refused = await fetch(`${tokenMode.kurocoApiBase}/ec/order/1001`, { headers: { 'X-RCMS-API-ACCESS-TOKEN': 'wrong' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errors: [{ code: 'forbidden', message: expect.any(String) }] });
    const cookieMode = await listen({ auth: 'cookie', authFailureStatus: 403 });
    const noSession = await fetch(`${cookieMode.kurocoApiBase}/ec/order`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(noSession.status).toBe(403);
  });

  it('401 (default) answers unauthorized; other values are refused', async () => {
    const server = await listen({});
    expect((await fetch(`${server.kurocoApiBase}/ec/order/1001`)).status).toBe(401);
    expect(() => createSandbox({ kuroco: { authFailureStatus: 400 as never } })).toThrow(/authFailureStatus/);
  });
});

describe('authentication', () => {
  it("'challenge' (default): the connector shows the challenge page", async () => {
    const server = await listen({});
    const response = await submitAcs((await purchase(server)).acsHtml);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/paygent\/3ds\/challenge\?session=/);
  });

  it("'frictionless': no challenge; the page sends the browser back after 1 s and the order follows statusDelayMs", async () => {
    let clock = 1_700_000_000_000;
    const server = await listen({ authentication: 'frictionless', statusDelayMs: 3000, frontendOrigin: 'http://shop.test', now: () => clock });
    const { orderId, acsHtml } = await purchase(server);
    const response = await submitAcs(acsHtml);
    expect(response.status).toBe(200);
    expect(response.headers.get('refresh')).toBe('1; url=http://shop.test/order/3dsec/');
    const page = await response.text();
    expect(page).toContain('href="http://shop.test/order/3dsec/"');
    expect(page).not.toContain('<button');
    // The shopper is back before Kuroco updated the order.
    expect(await paymentStatus(server, orderId)).toBe('payment_failed');
    clock += 3000;
    expect(await paymentStatus(server, orderId)).toBe('paid');
    // The transaction is over: posting the form again is refused.
    expect((await submitAcs(acsHtml)).status).toBe(409);
  });

  it("'stranded': Paygent's own error page, no redirect, no way back; the order stays payment_failed", async () => {
    const server = await listen({ authentication: 'stranded' });
    const { orderId, acsHtml } = await purchase(server);
    const response = await submitAcs(acsHtml);
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('refresh')).toBeNull();
    const page = await response.text();
    expect(page).toContain('エラーが発生しました');
    expect(page).not.toMatch(/<a |<form|<script|3dsec/);
    expect(await paymentStatus(server, orderId)).toBe('payment_failed');
  });

  it('refuses unknown values', () => {
    expect(() => createSandbox({ kuroco: { authentication: 'silent' as never } })).toThrow(/authentication/);
  });
});
