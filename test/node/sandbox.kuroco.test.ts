import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, MIXED_ORDER_MESSAGE, type SandboxServer } from '../../src/sandbox';

const TOKEN = 'sandbox-access-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: SandboxServer;
let tokenCounter = 0;

/** A fresh well-formed card token (each can be used once). */
function cardToken(): string {
  tokenCounter += 1;
  return `tok_kuroco${String(tokenCounter).padStart(8, '0')}`;
}

function seedOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product_id: 41201,
    quantity: 1,
    ec_payment_id: 58,
    card_token: cardToken(),
    card_options: { card_3dsec_return_url: '/order/3dsec/' },
    ...overrides,
  };
}

async function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}) {
  const headers: Record<string, string> = { 'X-RCMS-API-ACCESS-TOKEN': TOKEN, ...init.headers };
  let body: string | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(`${server.kurocoApiBase}/${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  return { response, status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** Asserts Kuroco's error envelope, with the body's request id equal to the header's. */
function expectError(result: Awaited<ReturnType<typeof api>>, status: number, errors: unknown[]) {
  expect(result.status).toBe(status);
  const requestId = result.response.headers.get('x-rcms-request-id');
  expect(requestId).toMatch(UUID);
  expect(result.json).toEqual({ errors, 'x-rcms-request-id': requestId });
}

function fieldError(code: 'required' | 'invalid', field: string) {
  return { code, field, message: expect.stringContaining(field) as unknown };
}

beforeAll(async () => {
  server = await createSandbox().listen();
});
afterAll(() => server.close());

describe('server', () => {
  it('listens on 127.0.0.1 and exposes the Kuroco API base', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.kurocoApiBase).toBe(`${server.url}/rcms-api/1`);
  });
});

describe('token auth', () => {
  it('answers 401 without a token', async () => {
    const result = await api('ec/order', { body: seedOrder(), headers: { 'X-RCMS-API-ACCESS-TOKEN': '' } });
    expectError(result, 401, [{ code: 'unauthorized', message: expect.any(String) }]);
  });

  it('answers 401 with a wrong token, on purchase and on order details', async () => {
    const wrong = { 'X-RCMS-API-ACCESS-TOKEN': 'not-the-token' };
    expectError(await api('ec/order', { body: seedOrder(), headers: wrong }), 401, [{ code: 'unauthorized', message: expect.any(String) }]);
    expectError(await api('ec/order/1001', { headers: wrong }), 401, [{ code: 'unauthorized', message: expect.any(String) }]);
  });

  it('gives every answer a fresh request id header', async () => {
    const first = await api('ec/order/999999');
    const second = await api('ec/order/999999');
    expect(first.response.headers.get('x-rcms-request-id')).not.toBe(second.response.headers.get('x-rcms-request-id'));
  });
});

describe('purchase with 3-D Secure (payment 58)', () => {
  it('answers the seed request with Kuroco\'s success envelope', async () => {
    const result = await api('ec/order', { body: seedOrder() });
    expect(result.status).toBe(200);
    expect(result.response.headers.get('x-rcms-request-id')).toMatch(UUID);
    expect(result.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(result.json).toEqual({
      errors: [],
      messages: ['注文が完了しました。'],
      ids: [expect.any(Number)],
      ext_data: { credit_card_3dsec_resp: { out_acs_html: expect.any(String) } },
    });
    expect(Object.keys(result.json ?? {})).toEqual(['errors', 'messages', 'ids', 'ext_data']);
  });

  it('numbers orders upwards from 1001 and creates them as payment_failed', async () => {
    const fresh = await createSandbox({ kuroco: { auth: 'none' } }).listen();
    try {
      const post = (body: unknown) =>
        fetch(`${fresh.kurocoApiBase}/ec/order`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const first = (await (await post(seedOrder())).json()) as { ids: number[] };
      const second = (await (await post(seedOrder())).json()) as { ids: number[] };
      expect(first.ids).toEqual([1001]);
      expect(second.ids).toEqual([1002]);
      const details = (await (await fetch(`${fresh.kurocoApiBase}/ec/order/1001`)).json()) as Record<string, unknown>;
      expect(details).toEqual({
        errors: [],
        messages: [],
        details: {
          ec_order_id: 1001,
          payment_status: 'payment_failed',
          order_products: [{ product_id: 41201, product_name: expect.any(String), quantity: 1, price: 1100 }],
          subtotal: 1100,
          discount: 0,
          total: 1100,
          ec_payment_id: 58,
          inst_ymdhi: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/),
        },
      });
    } finally {
      await fresh.close();
    }
  });

  it('accepts order_products and numeric strings', async () => {
    const body = seedOrder({ product_id: undefined, quantity: undefined, ec_payment_id: '58', order_products: [{ product_id: '41201', quantity: 2 }, { product_id: 41202, quantity: 1 }] });
    const result = await api('ec/order', { body });
    expect(result.status).toBe(200);
    const id = (result.json?.ids as number[])[0];
    const details = await api(`ec/order/${id}`);
    expect(details.json?.details).toMatchObject({ total: 2 * 1100 + 2200, order_products: [{ product_id: 41201, quantity: 2 }, { product_id: 41202, quantity: 1 }] });
  });

  it('applies the SANDBOX10 coupon to 41201 alone', async () => {
    const result = await api('ec/order', { body: seedOrder({ quantity: 2, discount: { serial_code: 'SANDBOX10' } }) });
    expect(result.status).toBe(200);
    const details = await api(`ec/order/${(result.json?.ids as number[])[0]}`);
    expect(details.json?.details).toMatchObject({ subtotal: 2200, discount: 220, total: 1980 });
  });
});

describe('mixed carts under 3-D Secure', () => {
  const mixedError = [{ code: 'unprocessable_entity', message: MIXED_ORDER_MESSAGE }];

  it('uses the seed message verbatim', () => {
    expect(MIXED_ORDER_MESSAGE).toBe(
      '3Dセキュアを利用している場合は配送・DLを1つにまとめる必要があります、予約商品や配送・DL商品が混ざっている場合は個別に注文してください。',
    );
  });

  it('refuses shipped + download with 422', async () => {
    const body = seedOrder({ product_id: undefined, quantity: undefined, order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 41301, quantity: 1 }] });
    expectError(await api('ec/order', { body }), 422, mixedError);
  });

  it('refuses released + pre-order with 422', async () => {
    const body = seedOrder({ product_id: undefined, quantity: undefined, order_products: [{ product_id: 41202, quantity: 1 }, { product_id: 41401, quantity: 1 }] });
    expectError(await api('ec/order', { body }), 422, mixedError);
  });

  it('refuses a coupon that covers some items but not others with 422', async () => {
    const body = seedOrder({
      product_id: undefined,
      quantity: undefined,
      order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 41202, quantity: 1 }],
      discount: { serial_code: 'SANDBOX10' },
    });
    expectError(await api('ec/order', { body }), 422, mixedError);
  });

  it('does not consume the card token on a 422', async () => {
    const token = cardToken();
    const mixed = seedOrder({ card_token: token, product_id: undefined, quantity: undefined, order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 41301, quantity: 1 }] });
    expect((await api('ec/order', { body: mixed })).status).toBe(422);
    expect((await api('ec/order', { body: seedOrder({ card_token: token }) })).status).toBe(200);
  });

  it('lets the same mixed cart through without 3-D Secure (payment 57)', async () => {
    const body = seedOrder({ ec_payment_id: 57, product_id: undefined, quantity: undefined, order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 41301, quantity: 1 }] });
    expect((await api('ec/order', { body })).status).toBe(200);
  });
});

describe('field validation (400, naming the field)', () => {
  const cases: [string, Record<string, unknown>, 'required' | 'invalid', string][] = [
    ['missing ec_payment_id', { ec_payment_id: undefined }, 'required', 'ec_payment_id'],
    ['unknown ec_payment_id', { ec_payment_id: 12345 }, 'invalid', 'ec_payment_id'],
    ['non-numeric ec_payment_id', { ec_payment_id: 'card' }, 'invalid', 'ec_payment_id'],
    ['no items at all', { product_id: undefined, quantity: undefined }, 'required', 'order_products'],
    ['unknown product_id', { product_id: 40000 }, 'invalid', 'product_id'],
    ['missing quantity', { quantity: undefined }, 'required', 'quantity'],
    ['zero quantity', { quantity: 0 }, 'invalid', 'quantity'],
    ['fractional quantity', { quantity: 1.5 }, 'invalid', 'quantity'],
    ['empty order_products', { product_id: undefined, quantity: undefined, order_products: [] }, 'invalid', 'order_products'],
    ['order_products line without quantity', { product_id: undefined, quantity: undefined, order_products: [{ product_id: 41201 }] }, 'required', 'order_products[0].quantity'],
    ['order_products line with unknown product', { product_id: undefined, quantity: undefined, order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 1, quantity: 1 }] }, 'invalid', 'order_products[1].product_id'],
    ['missing card_token', { card_token: undefined }, 'required', 'card_token'],
    ['malformed card_token', { card_token: 'tok_short' }, 'invalid', 'card_token'],
    ['card_token of another shape', { card_token: 'card_1234567890abc' }, 'invalid', 'card_token'],
    ['missing card_options', { card_options: undefined }, 'required', 'card_options.card_3dsec_return_url'],
    ['missing return url', { card_options: {} }, 'required', 'card_options.card_3dsec_return_url'],
    ['protocol-relative return url', { card_options: { card_3dsec_return_url: '//evil.example/x' } }, 'invalid', 'card_options.card_3dsec_return_url'],
    ['javascript: return url', { card_options: { card_3dsec_return_url: 'javascript:alert(1)' } }, 'invalid', 'card_options.card_3dsec_return_url'],
    ['relative path without slash', { card_options: { card_3dsec_return_url: 'order/3dsec' } }, 'invalid', 'card_options.card_3dsec_return_url'],
    ['unknown coupon', { discount: { serial_code: 'NOPE' } }, 'invalid', 'discount.serial_code'],
    ['coupon without eligible product', { product_id: 41202, discount: { serial_code: 'SANDBOX10' } }, 'invalid', 'discount.serial_code'],
  ];

  it.each(cases)('%s', async (_name, overrides, code, field) => {
    const result = await api('ec/order', { body: seedOrder(overrides) });
    expectError(result, 400, [fieldError(code, field)]);
    const message = (result.json?.errors as { message: string }[])[0]?.message ?? '';
    expect(message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  });

  it('reports every failing field at once', async () => {
    const result = await api('ec/order', { body: { ec_payment_id: 58 } });
    expect(result.status).toBe(400);
    const fields = (result.json?.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(['order_products', 'card_token', 'card_options.card_3dsec_return_url']);
  });

  it('accepts an absolute https return URL', async () => {
    const result = await api('ec/order', { body: seedOrder({ card_options: { card_3dsec_return_url: 'https://shop.example/order/3dsec/?a=1' } }) });
    expect(result.status).toBe(200);
  });
});

describe('card tokens', () => {
  it('refuses a token used by an earlier successful purchase (sandbox: one-time tokens)', async () => {
    const token = cardToken();
    expect((await api('ec/order', { body: seedOrder({ card_token: token }) })).status).toBe(200);
    expectError(await api('ec/order', { body: seedOrder({ card_token: token }) }), 400, [fieldError('invalid', 'card_token')]);
  });
});

describe('other payments', () => {
  it('57 (card without 3-D Secure): paid at once, no credit_card_3dsec_resp', async () => {
    const result = await api('ec/order', { body: seedOrder({ ec_payment_id: 57, card_options: undefined }) });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ errors: [], messages: ['注文が完了しました。'], ids: [expect.any(Number)] });
    const details = await api(`ec/order/${(result.json?.ids as number[])[0]}`);
    expect(details.json?.details).toMatchObject({ payment_status: 'paid', ec_payment_id: 57 });
  });

  it('57 still needs a card token', async () => {
    expectError(await api('ec/order', { body: seedOrder({ ec_payment_id: 57, card_token: undefined }) }), 400, [fieldError('required', 'card_token')]);
  });

  it('59 (bank transfer): no card needed, order unpaid', async () => {
    const result = await api('ec/order', { body: { product_id: 41202, quantity: 3, ec_payment_id: 59 } });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ errors: [], messages: ['注文が完了しました。'], ids: [expect.any(Number)] });
    const details = await api(`ec/order/${(result.json?.ids as number[])[0]}`);
    expect(details.json?.details).toMatchObject({ payment_status: 'unpaid', ec_payment_id: 59, total: 6600 });
  });

  it('product 49500 answers 500 internal_server_error (sandbox-only)', async () => {
    const result = await api('ec/order', { body: seedOrder({ product_id: 49500 }) });
    expectError(result, 500, [{ code: 'internal_server_error', message: expect.any(String) }]);
  });
});

describe('request bodies', () => {
  it('answers 413 above 64 KB', async () => {
    const result = await api('ec/order', { body: seedOrder({ order_note: 'x'.repeat(70 * 1024) }) });
    expectError(result, 413, [{ code: 'payload_too_large', message: expect.any(String) }]);
  });

  it('accepts a body just under the limit', async () => {
    const result = await api('ec/order', { body: seedOrder({ order_note: 'x'.repeat(60 * 1024) }) });
    expect(result.status).toBe(200);
  });

  it('answers 400 bad_request for malformed JSON', async () => {
    const result = await api('ec/order', { raw: '{"product_id": 41201,', headers: { 'Content-Type': 'application/json' } });
    expectError(result, 400, [{ code: 'bad_request', message: expect.any(String) }]);
  });

  it('answers 400 bad_request for a JSON array', async () => {
    const result = await api('ec/order', { raw: '[]', headers: { 'Content-Type': 'application/json' } });
    expectError(result, 400, [{ code: 'bad_request', message: expect.any(String) }]);
  });

  it('answers 400 bad_request for a non-JSON content type', async () => {
    const result = await api('ec/order', { raw: 'product_id=41201', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expectError(result, 400, [{ code: 'bad_request', message: expect.any(String) }]);
  });
});

describe('routing', () => {
  it('answers 404 not_found for an unknown order', async () => {
    expectError(await api('ec/order/999999'), 404, [{ code: 'not_found', message: expect.any(String) }]);
    expectError(await api('ec/order/abc'), 404, [{ code: 'not_found', message: expect.any(String) }]);
  });

  it('answers 404 not_found for any other path under /rcms-api/', async () => {
    expectError(await api('ec/products'), 404, [{ code: 'not_found', message: expect.any(String) }]);
    const otherApi = await fetch(`${server.url}/rcms-api/2/ec/order`, { headers: { 'X-RCMS-API-ACCESS-TOKEN': TOKEN } });
    expect(otherApi.status).toBe(404);
    expect(await otherApi.json()).toMatchObject({ errors: [{ code: 'not_found' }] });
  });

  it('answers 405 method_not_allowed for a wrong method', async () => {
    const get = await api('ec/order');
    expectError(get, 405, [{ code: 'method_not_allowed', message: expect.any(String) }]);
    expect(get.response.headers.get('allow')).toBe('POST, OPTIONS');
    expectError(await api('ec/order/1001', { method: 'POST', body: {} }), 405, [{ code: 'method_not_allowed', message: expect.any(String) }]);
  });
});

describe('CORS', () => {
  it('answers preflights with 204 and the allowed methods and headers', async () => {
    const response = await fetch(`${server.kurocoApiBase}/ec/order`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-rcms-api-access-token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-rcms-api-access-token');
  });

  it('reflects the Origin and exposes the request id on answers, errors included', async () => {
    const result = await api('ec/order/999999', { headers: { Origin: 'http://127.0.0.1:6006' } });
    expect(result.status).toBe(404);
    expect(result.response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:6006');
    expect(result.response.headers.get('access-control-expose-headers')).toBe('x-rcms-request-id');
  });
});
