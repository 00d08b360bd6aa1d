// The PAY.JP v1 subset, driven through both official SDKs (apibase pointed at the sandbox),
// plus raw calls for what the SDKs cannot send (public key, missing auth).
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { api, basic, card, customerCard, DIRECT, failure, listen, PK, SDKS, SK } from './sandbox.payjp.support';

describe('listen()', () => {
  it('resolves payjpApiBase and payjsUrl next to the Kuroco base', async () => {
    const server = await listen();
    expect(server.payjpApiBase).toBe(`${server.url}/v1`);
    expect(server.payjsUrl).toBe(`${server.url}/payjs/v2/pay.js`);
    expect(server.kurocoApiBase).toBe(`${server.url}/rcms-api/1`);
  });

  it('refuses keys that cannot work', () => {
    expect(() => createSandbox({ payjp: { publicKey: 'sk_test_x' } })).toThrow(TypeError);
    expect(() => createSandbox({ payjp: { secretKey: 'pk_test_x' } })).toThrow(TypeError);
    expect(() => createSandbox({ payjp: { secretKey: 'sk_live_x' } })).toThrow(TypeError);
    expect(() => createSandbox({ payjp: { slowIssuerMs: -1 } })).toThrow(TypeError);
  });
});

describe.each(SDKS)('$name', (sdk) => {
  it('answers 401 invalid_api_key for a wrong key', async () => {
    const server = await listen();
    const result = await failure(sdk, () => sdk.create('sk_test_wrong', server.payjpApiBase).customers.create({}));
    expect(result.status).toBe(401);
    expect(result.error).toEqual({ status: 401, type: 'auth_error', message: expect.stringContaining('Invalid API Key'), code: 'invalid_api_key' });
  });

  it('takes custom keys, and refuses the defaults then', async () => {
    const server = await listen({ payjp: { publicKey: 'pk_test_custom', secretKey: 'sk_test_custom' } });
    const customer = await sdk.create('sk_test_custom', server.payjpApiBase).customers.create({});
    expect(customer.object).toBe('customer');
    expect((await failure(sdk, () => sdk.create(SK, server.payjpApiBase).customers.create({}))).status).toBe(401);
  });

  it('creates tokens with the secret key and the direct-token header, and refuses it without', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const token = await payjp.tokens.create({ card: card() }, DIRECT);
    expect(token).toMatchObject({
      id: expect.stringMatching(/^tok_[0-9a-f]{30}$/),
      object: 'token',
      livemode: false,
      used: false,
      created: expect.any(Number),
      card: {
        id: expect.stringMatching(/^car_/),
        object: 'card',
        brand: 'Visa',
        last4: '4242',
        exp_month: 12,
        exp_year: 2035,
        name: 'TARO YAMADA',
        email: 'taro@example.jp',
        phone: '+819012345678',
        three_d_secure_status: null,
        customer: null,
        cvc_check: 'passed',
        livemode: false,
      },
    });
    expect(await payjp.tokens.retrieve(token.id)).toEqual(token);

    const refused = await failure(sdk, () => payjp.tokens.create({ card: card() }));
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({ status: 400, type: 'client_error', message: expect.stringContaining('X-Payjp-Direct-Token-Generate') });
  });

  it.each([
    ['5555555555554444', 'MasterCard'],
    ['3530111333300000', 'JCB'],
    ['378282246310005', 'American Express'],
    ['38520000023237', 'Diners Club'],
    ['6011111111111117', 'Discover'],
  ])('brands %s as %s', async (number, brand) => {
    const server = await listen();
    const token = await sdk.create(SK, server.payjpApiBase).tokens.create({ card: card(number) }, DIRECT);
    expect(token.card).toMatchObject({ brand, last4: number.slice(-4) });
  });

  it.each([
    ['4000000000000002', 402, 'card_error', 'card_declined'],
    ['4000000000000069', 402, 'card_error', 'expired_card'],
    ['4000000000000127', 402, 'card_error', 'invalid_cvc'],
    ['4000000000000119', 402, 'card_error', 'processing_error'],
    ['4242424242424241', 402, 'card_error', 'invalid_number'],
  ])('refuses %s at token time with %i %s/%s', async (number, status, type, code) => {
    const server = await listen();
    const result = await failure(sdk, () => sdk.create(SK, server.payjpApiBase).tokens.create({ card: card(number) }, DIRECT));
    expect(result.status).toBe(status);
    expect(result.error).toMatchObject({ status, type, code, message: expect.any(String) });
  });

  it('checks expiry month, year and missing fields', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    expect((await failure(sdk, () => payjp.tokens.create({ card: { ...card(), exp_month: 13 } }, DIRECT))).error).toMatchObject({ code: 'invalid_expiry_month', param: 'card[exp_month]' });
    expect((await failure(sdk, () => payjp.tokens.create({ card: { ...card(), exp_year: 2001 } }, DIRECT))).error).toMatchObject({ code: 'invalid_expiration_date' });
    const missing = await failure(sdk, () => payjp.tokens.create({ card: { exp_month: 1, exp_year: 2035 } }, DIRECT));
    expect(missing).toEqual({ status: 400, error: { status: 400, type: 'client_error', message: expect.any(String), code: 'missing_param', param: 'card[number]' } });
  });

  it('creates customers with a card, adds and lists cards, and keeps cards to their customer', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const first = await payjp.tokens.create({ card: card() }, DIRECT);
    const customer = await payjp.customers.create({ card: first.id, email: 'shopper@example.jp', description: 'sandbox', metadata: { plan: 'basic' } });
    expect(customer).toMatchObject({
      id: expect.stringMatching(/^cus_/),
      object: 'customer',
      email: 'shopper@example.jp',
      description: 'sandbox',
      metadata: { plan: 'basic' },
      livemode: false,
      default_card: first.card.id,
      cards: { object: 'list', count: 1, has_more: false, url: `/v1/customers/${customer.id}/cards`, data: [{ id: first.card.id, customer: customer.id }] },
    });
    expect((await payjp.tokens.retrieve(first.id)).used).toBe(true);

    const reused = await failure(sdk, () => payjp.customers.cards.create(customer.id, { card: first.id }));
    expect(reused.status).toBe(400);
    expect(reused.error).toMatchObject({ code: 'token_already_used', param: 'card' });

    const second = await payjp.tokens.create({ card: card('3530111333300000') }, DIRECT);
    const added = await payjp.customers.cards.create(customer.id, { card: second.id });
    expect(added).toMatchObject({ id: second.card.id, object: 'card', brand: 'JCB', customer: customer.id });
    expect((await payjp.customers.retrieve(customer.id)).default_card).toBe(first.card.id);

    const list = await payjp.customers.cards.list(customer.id, { limit: 1 });
    expect(list).toMatchObject({ object: 'list', count: 1, has_more: true, url: `/v1/customers/${customer.id}/cards` });
    expect(list.data[0]?.id).toBe(second.card.id); // newest first
    const next = await payjp.customers.cards.list(customer.id, { limit: 1, offset: 1 });
    expect(next).toMatchObject({ count: 1, has_more: false });
    expect(next.data[0]?.id).toBe(first.card.id);
    expect(await payjp.customers.cards.retrieve(customer.id, first.card.id)).toMatchObject({ id: first.card.id, customer: customer.id });

    const other = await payjp.customers.create({});
    const foreign = await failure(sdk, () => payjp.customers.cards.retrieve(other.id, first.card.id));
    expect(foreign.status).toBe(404);
    expect(foreign.error).toMatchObject({ status: 404, type: 'client_error', code: 'invalid_id' });

    const unknown = await failure(sdk, () => payjp.customers.retrieve('cus_unknown'));
    expect(unknown).toEqual({ status: 404, error: { status: 404, type: 'client_error', message: 'No such customer: cus_unknown', code: 'invalid_id', param: 'id' } });
  });

  it('creates, retrieves and lists three_d_secure_requests for any customer card of the account', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const { cardId } = await customerCard(server);
    const tdsr = await payjp.three_d_secure_requests.create({ resource_id: cardId });
    expect(tdsr).toEqual({
      id: expect.stringMatching(/^tdsr_[0-9a-f]{30}$/),
      object: 'three_d_secure_request',
      resource_id: cardId,
      livemode: false,
      created: expect.any(Number),
      state: 'created',
      started_at: null,
      result_received_at: null,
      finished_at: null,
      expired_at: null,
      tenant_id: null,
      three_d_secure_status: 'unverified',
    });
    expect(await payjp.three_d_secure_requests.retrieve(tdsr.id)).toEqual(tdsr);
    const withTenant = await payjp.three_d_secure_requests.create({ resource_id: cardId, tenant_id: 'ten_sandbox' });
    expect(withTenant.tenant_id).toBe('ten_sandbox');
    const elsewhere = await customerCard(server);
    await payjp.three_d_secure_requests.create({ resource_id: elsewhere.cardId });

    const list = await payjp.three_d_secure_requests.list({ resource_id: cardId, limit: 1 });
    expect(list).toMatchObject({ object: 'list', count: 1, has_more: true, url: '/v1/three_d_secure_requests' });
    expect(list.data.map((item) => item.id)).toEqual([withTenant.id]);
    const all = await payjp.three_d_secure_requests.list({ resource_id: cardId, offset: 1 });
    expect(all.data.map((item) => item.id)).toEqual([tdsr.id]);
    expect((await payjp.three_d_secure_requests.list()).count).toBe(3);

    const missing = await failure(sdk, () => payjp.three_d_secure_requests.create({ resource_id: 'car_unknown' }));
    expect(missing).toEqual({ status: 404, error: { status: 404, type: 'client_error', message: 'No such card: car_unknown', code: 'invalid_id', param: 'resource_id' } });
    const token = await payjp.tokens.create({ card: card() }, DIRECT);
    const notCustomers = await failure(sdk, () => payjp.three_d_secure_requests.create({ resource_id: token.card.id }));
    expect(notCustomers.status).toBe(404);
    const unknown = await failure(sdk, () => payjp.three_d_secure_requests.retrieve('tdsr_unknown'));
    expect(unknown.error).toMatchObject({ status: 404, code: 'invalid_id' });
    const badLimit = await failure(sdk, () => payjp.three_d_secure_requests.list({ limit: 101 }));
    expect(badLimit.error).toMatchObject({ status: 400, code: 'invalid_param', param: 'limit' });
  });
});

describe('raw requests', () => {
  it('lets the public key create tokens only (as payjs does)', async () => {
    const server = await listen();
    const token = await api(server, 'POST', '/tokens', { 'card[number]': '4242424242424242', 'card[exp_month]': '1', 'card[exp_year]': '35', 'card[cvc]': '123' }, PK);
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ object: 'token', card: { exp_year: 2035, exp_month: 1, cvc_check: 'passed' } });
    for (const [method, path] of [['POST', '/customers'], ['GET', `/tokens/${String(token.body.id)}`], ['GET', '/three_d_secure_requests']] as const) {
      const denied = await api(server, method, path, method === 'POST' ? {} : undefined, PK);
      expect(denied.status, path).toBe(401);
      expect(denied.body).toEqual({ error: { status: 401, type: 'auth_error', message: expect.stringContaining('Invalid API Key'), code: 'invalid_api_key' } });
    }
  });

  it('answers 401 no_api_key without credentials, 404 and 405 with the envelope', async () => {
    const server = await listen();
    const anonymous = await fetch(`${server.payjpApiBase}/customers`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
    expect(await anonymous.json()).toMatchObject({ error: { status: 401, type: 'auth_error', code: 'no_api_key' } });
    const unknown = await api(server, 'GET', '/charges_nope');
    expect(unknown).toMatchObject({ status: 404, body: { error: { status: 404, type: 'client_error', code: 'not_found' } } });
    const method = await api(server, 'GET', '/tokens');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('POST');
    expect(method.body).toMatchObject({ error: { status: 405, type: 'not_allowed_method_error', code: 'not_allowed_method' } });
  });

  it('refuses unknown parameters, non-form bodies and bad booleans', async () => {
    const server = await listen();
    const extra = await api(server, 'POST', '/customers', { nickname: 'x' });
    expect(extra.body).toMatchObject({ error: { status: 400, code: 'invalid_param_key', param: 'nickname' } });
    const json = await fetch(`${server.payjpApiBase}/customers`, { method: 'POST', headers: { Authorization: basic(SK), 'Content-Type': 'application/json' }, body: '{"email":"a@b.jp"}' });
    expect(json.status).toBe(400);
    const { customerId } = await customerCard(server);
    const token = await api(server, 'POST', '/tokens', { 'card[number]': '4242424242424242', 'card[exp_month]': '1', 'card[exp_year]': '2035' }, PK);
    const bool = await api(server, 'POST', `/customers/${customerId}/cards`, { card: String(token.body.id), default: 'yes' });
    expect(bool.body).toMatchObject({ error: { status: 400, code: 'invalid_boolean', param: 'default' } });
    const madeDefault = await api(server, 'POST', `/customers/${customerId}/cards`, { card: String(token.body.id), default: 'true' });
    expect(madeDefault.status).toBe(200);
    expect((await api(server, 'GET', `/customers/${customerId}`)).body.default_card).toBe(madeDefault.body.id);
  });

  it('answers CORS preflights for payjs', async () => {
    const server = await listen();
    const preflight = await fetch(`${server.payjpApiBase}/tokens`, { method: 'OPTIONS', headers: { Origin: 'http://shop.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://shop.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('waits latencyMs before API answers', async () => {
    const server = await listen({ payjp: { latencyMs: 150 } });
    const started = performance.now();
    await api(server, 'GET', '/three_d_secure_requests');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
