import { describe, expect, it, vi } from 'vitest';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import type { ThreeDSecureError } from '../../src/core/errors';

function fetchAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
  );
}

const base = { baseUrl: 'https://shop.g.kuroco.app', returnPath: '/order/3dsec/' } as const;

async function rejection(promise: Promise<unknown>): Promise<ThreeDSecureError> {
  try {
    await promise;
  } catch (error) {
    return error as ThreeDSecureError;
  }
  throw new Error('expected a rejection');
}

describe('createKurocoBackend', () => {
  it('posts the order with the return path and the access token, and reads ids and out_acs_html', async () => {
    const fetch = fetchAnswering(
      200,
      { errors: [], messages: ['注文が完了しました。'], ids: [7], ext_data: { credit_card_3dsec_resp: { out_acs_html: '<form></form>' } } },
      { 'x-rcms-request-id': 'req-1' },
    );
    const backend = createKurocoBackend({ ...base, auth: { type: 'token', token: async () => 'tok-123' }, fetch });
    const result = await backend.purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: 'tok_abc', card_options: { other: 1 } });
    expect(result).toEqual({ orderIds: [7], messages: ['注文が完了しました。'], acsHtml: '<form></form>', requestId: 'req-1' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://shop.g.kuroco.app/rcms-api/1/ec/order');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['x-rcms-api-access-token']).toBe('tok-123');
    expect(JSON.parse(String(init?.body))).toEqual({
      product_id: 41201,
      quantity: 1,
      ec_payment_id: 58,
      card_token: 'tok_abc',
      card_options: { other: 1, card_3dsec_return_url: '/order/3dsec/' },
    });
  });

  it('names every order field (a misspelt one does not compile) and sends site fields from `extra`, named fields winning', async () => {
    const fetch = fetchAnswering(200, { errors: [], messages: [], ids: [8] });
    const backend = createKurocoBackend({ ...base, auth: { type: 'token', token: 'tok' }, fetch });
    // @ts-expect-error `order_notes` is not a field of ECOrder::purchase (it is `order_note`)
    const misspelt: Parameters<typeof backend.purchase>[0] = { ec_payment_id: 58, order_notes: 'x' };
    expect(misspelt.ec_payment_id).toBe(58);
    await backend.purchase({
      ec_payment_id: 58,
      order_note: 'gift',
      shipping_address: 'default',
      extra: { gift_wrap: 1, ec_payment_id: 999, card_options: { card_3dsec_return_url: 'https://evil.example/' } },
    });
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({
      gift_wrap: 1,
      ec_payment_id: 58,
      order_note: 'gift',
      shipping_address: 'default',
      card_options: { card_3dsec_return_url: '/order/3dsec/' },
    });
  });

  it('uses cookies, custom paths and api id, and an absolute return URL when asked', async () => {
    const fetch = fetchAnswering(200, { errors: [], messages: [], ids: [1] });
    const backend = createKurocoBackend({
      ...base,
      apiId: 4,
      absoluteReturnUrl: true,
      paths: { purchase: '/purchase', orderDetails: 'orders/{ec_order_id}/detail' },
      auth: { type: 'cookie' },
      fetch,
    });
    const result = await backend.purchase({ ec_payment_id: 59, product_id: 1, quantity: 1 });
    expect(result.acsHtml).toBeNull();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://shop.g.kuroco.app/rcms-api/4/purchase');
    expect(init?.credentials).toBe('include');
    expect(JSON.parse(String(init?.body)).card_options.card_3dsec_return_url).toBe(`${window.location.origin}/order/3dsec/`);
  });

  it('reads the payment status through the configurable mapper', async () => {
    const fetch = fetchAnswering(200, { errors: [], messages: [], details: { ec_order_id: 5, payment_status: 'paid', my_state: 'x' } });
    const defaultBackend = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch });
    expect(await defaultBackend.getPaymentStatus(5)).toBe('paid');
    expect(fetch.mock.calls[0]![0]).toBe('https://shop.g.kuroco.app/rcms-api/1/ec/order/5');
    const custom = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch, readPaymentStatus: (d) => (d.my_state === 'x' ? 'failed' : 'paid') });
    expect(await custom.getPaymentStatus(5)).toBe('failed');
  });

  it('turns Kuroco error envelopes into typed errors that keep the request id', async () => {
    const fetch = fetchAnswering(400, { errors: [{ code: 'required', message: 'card_tokenは必須です。', field: 'card_token' }], 'x-rcms-request-id': 'r-9' });
    const backend = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch });
    const error = await rejection(backend.purchase({ ec_payment_id: 58 }));
    expect(error).toMatchObject({ code: 'invalid_request', field: 'card_token', requestId: 'r-9', status: 400 });
  });

  it('treats a 200 with errors, or a success without ids, as failures', async () => {
    const withErrors = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch: fetchAnswering(200, { errors: [{ code: 'invalid', message: 'x' }] }) });
    expect((await rejection(withErrors.purchase({ ec_payment_id: 58 }))).code).toBe('invalid_request');
    const noIds = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch: fetchAnswering(200, { errors: [], messages: [], ids: [] }) });
    expect((await rejection(noIds.purchase({ ec_payment_id: 58 }))).code).toBe('invalid_response');
    const html = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch: fetchAnswering(502, '<html>Bad gateway</html>') });
    expect(await rejection(html.purchase({ ec_payment_id: 58 }))).toMatchObject({ code: 'backend_error', status: 502 });
  });

  it('reports offline and slow backends as network_error and timeout', async () => {
    const offline = createKurocoBackend({ ...base, auth: { type: 'none' }, fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    expect((await rejection(offline.purchase({ ec_payment_id: 58 }))).code).toBe('network_error');
    const hanging = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const slow = createKurocoBackend({ ...base, auth: { type: 'none' }, timeoutMs: 20, fetch: hanging });
    expect((await rejection(slow.purchase({ ec_payment_id: 58 }))).code).toBe('timeout');
  });

  it('refuses bad configuration at creation', () => {
    expect(() => createKurocoBackend({ ...base, returnPath: 'https://evil.example/', auth: { type: 'none' } })).toThrow(
      expect.objectContaining({ code: 'return_url_not_allowed' }),
    );
    expect(() => createKurocoBackend({ ...base, baseUrl: 'not a url', auth: { type: 'none' } })).toThrow(expect.objectContaining({ code: 'misconfigured' }));
  });

  // F12: the access token goes wherever a path resolves; a path must stay on baseUrl's origin.
  it.each(['\\\\evil.example\\x', '\t//evil.example', 'http:\\\\evil.example', 'https://evil.example/x', '\\/evil.example/x'])('refuses the path %j at creation (misconfigured)', (path) => {
    for (const paths of [{ purchase: path }, { orderDetails: `${path}/{ec_order_id}` }]) {
      let error: unknown;
      try {
        createKurocoBackend({ ...base, auth: { type: 'token', token: 'SECRET' }, paths, fetch: fetchAnswering(200, {}) });
      } catch (caught) {
        error = caught;
      }
      expect((error as ThreeDSecureError | undefined)?.code).toBe('misconfigured');
      expect((error as Error).message).toMatch(/leaves https:\/\/shop\.g\.kuroco\.app/);
    }
  });

  it('still accepts odd paths that stay on the origin', async () => {
    const fetch = fetchAnswering(200, { details: { payment_status: 'paid' } });
    const backend = createKurocoBackend({ ...base, auth: { type: 'cookie' }, paths: { orderDetails: '//orders/x/../{ec_order_id}' }, fetch });
    await backend.getPaymentStatus(5);
    expect(String(fetch.mock.calls[0]![0])).toBe('https://shop.g.kuroco.app/rcms-api/1/orders/5');
  });

  // F4: Node's fetch (server rendering, tests) hands back the 3xx itself under redirect: 'manual'.
  it('never follows a redirect: asks fetch not to, and a 3xx answer is a backend_error', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 307, headers: { location: 'https://evil.example/rcms-api/1/ec/order' } }));
    const backend = createKurocoBackend({ ...base, auth: { type: 'token', token: 'SECRET' }, fetch });
    const error = await rejection(backend.purchase({ ec_payment_id: 1 }));
    expect(error.code).toBe('backend_error');
    expect(error.status).toBe(307);
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].redirect).toBe('manual');
  });
});
