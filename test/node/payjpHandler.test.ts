import { afterAll, describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { createPayjpHandler, type PayjpHandlerOptions } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, seenBodies, send } from './payjpHandlerFake';

afterAll(() => expectNoSecretIn(seenBodies));

const ALICE = 'cus_alice';
const BOB = 'cus_bob';

function setup(options: Partial<PayjpHandlerOptions> = {}) {
  const fake = createFakePayjp();
  fake.addCard(ALICE, 'car_alice1');
  fake.addCard(BOB, 'car_bob1');
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    // The test's "session": the customer id in a header.
    resolveCustomer: (request) => request.headers.get('x-customer'),
    payjp: fake.client,
    returnUrls: ['https://shop.example/3ds/return'],
    ...options,
  });
  return { fake, handler };
}

const asAlice = { 'x-customer': ALICE };
const asBob = { 'x-customer': BOB };

describe('createPayjpHandler: creation', () => {
  it.each([
    ['pk_test_abc', 'sk_live_abc'],
    ['pk_live_abc', 'sk_test_abc'],
  ])('refuses %s with %s (modes differ) without naming the secret key', (publicKey, secretKey) => {
    let thrown: unknown;
    try {
      createPayjpHandler({ publicKey, secretKey, resolveCustomer: () => null, payjp: createFakePayjp().client });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ThreeDSecureError);
    expect((thrown as ThreeDSecureError).code).toBe('misconfigured');
    expect((thrown as ThreeDSecureError).message).not.toContain(secretKey);
    expect((thrown as ThreeDSecureError).message).toMatch(/modes differ/);
  });

  it.each([
    ['a public key as the secret key', { secretKey: 'pk_test_abc', publicKey: 'pk_test_abc' }],
    ['a secret key as the public key', { secretKey: SECRET_KEY, publicKey: SECRET_KEY }],
    ['an empty secret key', { secretKey: '', publicKey: PUBLIC_KEY }],
    ['a relative return URL', { returnUrls: ['/3ds/return'] }],
    ['a javascript: return URL', { returnUrls: ['javascript:alert(1)'] }],
    ['a malformed apiBase', { apiBase: 'not a url' }],
    ['no resolveCustomer', { resolveCustomer: undefined }],
  ])('refuses %s with misconfigured', (_name, override) => {
    const options = { secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => null, ...override } as PayjpHandlerOptions;
    expect(() => createPayjpHandler(options)).toThrowError(expect.objectContaining({ code: 'misconfigured', message: expect.not.stringContaining(SECRET_KEY) }));
  });

  it('accepts matching live keys and the sandbox pair', () => {
    expect(() => createPayjpHandler({ secretKey: 'sk_live_0123abcd', publicKey: 'pk_live_0123abcd', resolveCustomer: () => null })).not.toThrow();
    expect(() => createPayjpHandler({ secretKey: 'sk_test_sandbox', publicKey: 'pk_test_sandbox', resolveCustomer: () => null })).not.toThrow();
  });

  it('builds a factory-given client once, with the secret key', async () => {
    const fake = createFakePayjp();
    fake.addCard(ALICE, 'car_alice1');
    const keys: string[] = [];
    const handler = createPayjpHandler({
      secretKey: SECRET_KEY,
      publicKey: PUBLIC_KEY,
      resolveCustomer: () => ALICE,
      payjp: (key) => {
        keys.push(key);
        return fake.client;
      },
    });
    await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    expect(keys).toEqual([SECRET_KEY]);
  });
});

describe('POST /card-verifications', () => {
  it('creates a request for the customer own card: 201 { verification }, camelCase, no-store JSON', async () => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/api/3ds/card-verifications', { cardId: 'car_alice1' }, asAlice);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.json).toEqual({
      verification: {
        id: 'tdsr_fake1',
        cardId: 'car_alice1',
        state: 'created',
        threeDSecureStatus: 'unverified',
        outcome: 'pending',
        createdAt: 1_730_084_767,
        startedAt: null,
        resultReceivedAt: null,
        finishedAt: null,
        expiredAt: null,
      },
    });
    expect(fake.calls.map((call) => [call.method, call.args])).toEqual([
      ['cards.retrieve', [ALICE, 'car_alice1']],
      ['tdsr.create', [{ resource_id: 'car_alice1' }]],
    ]);
  });

  it.each([
    ['no cardId', { }],
    ['a number', { cardId: 42 }],
    ['a path in the id', { cardId: 'car_../../customers' }],
    ['a token id', { cardId: 'tok_abc' }],
  ])('answers 400 invalid_request (param cardId) for %s, without calling PAY.JP', async (_name, body) => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications', body, asAlice);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: 'invalid_request', param: 'cardId' });
    expect(fake.calls).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"cardId":', 'application/json'],
    ['a JSON array', '["car_alice1"]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
  ])('answers 400 invalid_request for %s', async (_name, body, type) => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications', body, { ...asAlice, 'content-type': type });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_request');
    expect(fake.calls).toEqual([]);
  });

  it.each([
    ['a text/plain body (a cross-site form could send that)', '{"cardId":"car_alice1"}', 'text/plain'],
    ['a form body', 'cardId=car_alice1', 'application/x-www-form-urlencoded'],
  ])('answers 415 unsupported_media_type for %s', async (_name, body, type) => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications', body, { ...asAlice, 'content-type': type });
    expect(answer.status).toBe(415);
    expect(answer.json.error.code).toBe('unsupported_media_type');
    expect(fake.calls).toEqual([]);
  });

  it('answers 413 for a body over 16 KiB', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1', pad: 'x'.repeat(20_000) }, asAlice);
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('invalid_request');
  });

  it('answers 401 when resolveCustomer gives null (or an empty id), before touching PAY.JP', async () => {
    const { fake, handler } = setup();
    expect((await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' })).json.error.code).toBe('unauthorized');
    const empty = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' }, { 'x-customer': '' });
    expect(empty.status).toBe(401);
    expect(fake.calls).toEqual([]);
  });

  it('awaits an async resolveCustomer', async () => {
    const { handler } = setup({ resolveCustomer: async () => ALICE });
    expect((await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' })).status).toBe(201);
  });

  it('answers the same 404 for an unknown card and for another customer card', async () => {
    const { fake, handler } = setup();
    const unknown = await send(handler, 'POST', '/card-verifications', { cardId: 'car_nobody' }, asAlice);
    const bobs = await send(handler, 'POST', '/card-verifications', { cardId: 'car_bob1' }, asAlice);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: { code: 'not_found', message: expect.any(String), param: 'cardId' } });
    expect(bobs.status).toBe(404);
    expect(bobs.text).toBe(unknown.text);
    expect(fake.calls.filter((call) => call.method === 'tdsr.create')).toEqual([]);
  });
});

describe('GET /card-verifications/{id}', () => {
  it('answers 200 { verification } for the customer own request', async () => {
    const { handler } = setup();
    const created = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' }, asAlice);
    const answer = await send(handler, 'GET', `/card-verifications/${created.json.verification.id}`, undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.json.verification).toEqual(created.json.verification);
  });

  it('answers 403 for a request on another customer card', async () => {
    const { handler } = setup();
    const created = await send(handler, 'POST', '/card-verifications', { cardId: 'car_bob1' }, asBob);
    const answer = await send(handler, 'GET', `/card-verifications/${created.json.verification.id}`, undefined, asAlice);
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('forbidden');
    expect(answer.text).not.toContain('car_bob1');
  });

  it('answers 403 for a request whose resource is not a card', async () => {
    const { fake, handler } = setup();
    fake.putRequest({ id: 'tdsr_charge', resource_id: 'ch_abc' });
    expect((await send(handler, 'GET', '/card-verifications/tdsr_charge', undefined, asAlice)).status).toBe(403);
  });

  it('answers 404 for an unknown request, 400 for a malformed id, 401 without a customer', async () => {
    const { fake, handler } = setup();
    const unknown = await send(handler, 'GET', '/card-verifications/tdsr_unknown', undefined, asAlice);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not_found');
    for (const id of ['car_alice1', 'tdsr_', 'tdsr_a%2Fb', 'tdsr_a-b']) {
      const bad = await send(handler, 'GET', `/card-verifications/${id}`, undefined, asAlice);
      expect(bad.status, id).toBe(400);
      expect(bad.json.error).toMatchObject({ code: 'invalid_request', param: 'id' });
    }
    expect((await send(handler, 'GET', '/card-verifications/tdsr_unknown')).status).toBe(401);
    expect(fake.calls.map((call) => call.method)).toEqual(['tdsr.retrieve']);
  });

  it.each([
    [true, { outcome: 'succeeded' }],
    [false, { outcome: 'failed', attemptedRefused: true }],
  ])('reads attempted with acceptAttempted=%s', async (acceptAttempted, expected) => {
    const { fake, handler } = setup({ acceptAttempted });
    fake.putRequest({ id: 'tdsr_attempted', resource_id: 'car_alice1', state: 'finished', three_d_secure_status: 'attempted', finished_at: 1_730_084_800 });
    const answer = await send(handler, 'GET', '/card-verifications/tdsr_attempted', undefined, asAlice);
    expect(answer.json.verification).toMatchObject({ threeDSecureStatus: 'attempted', finishedAt: 1_730_084_800, ...expected });
    if (acceptAttempted) expect(answer.json.verification).not.toHaveProperty('attemptedRefused');
  });

  it('reads verified as succeeded and an expired request as expired', async () => {
    const { fake, handler } = setup({ acceptAttempted: false });
    fake.putRequest({ id: 'tdsr_ok', resource_id: 'car_alice1', state: 'finished', three_d_secure_status: 'verified' });
    fake.putRequest({ id: 'tdsr_old', resource_id: 'car_alice1', state: 'in_progress', expired_at: 1_730_086_567 });
    expect((await send(handler, 'GET', '/card-verifications/tdsr_ok', undefined, asAlice)).json.verification.outcome).toBe('succeeded');
    const old = await send(handler, 'GET', '/card-verifications/tdsr_old', undefined, asAlice);
    expect(old.json.verification).toMatchObject({ outcome: 'expired', expiredAt: 1_730_086_567 });
  });
});

describe('routing', () => {
  it('answers 405 method_not_allowed with Allow on each route', async () => {
    const { fake, handler } = setup();
    for (const [method, path, allow] of [
      ['GET', '/card-verifications', 'POST'],
      ['DELETE', '/card-verifications', 'POST'],
      ['POST', '/card-verifications/tdsr_abc', 'GET'],
      ['PUT', '/card-verifications/tdsr_abc', 'GET'],
      ['GET', '/card-verifications/tdsr_abc/redirect', 'POST'],
    ] as const) {
      const answer = await send(handler, method, path, undefined, asAlice);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.get('allow')).toBe(allow);
      expect(answer.json.error.code).toBe('method_not_allowed');
    }
    expect(fake.calls).toEqual([]);
  });

  it('answers 404 for unknown paths', async () => {
    const { handler } = setup();
    for (const path of ['/', '/card-verification', '/card-verifications/tdsr_abc/other', '/card-verifications/tdsr_abc/redirect/x', '/card-verificationsx']) {
      const answer = await send(handler, 'GET', path, undefined, asAlice);
      expect(answer.status, path).toBe(404);
      expect(answer.json.error.code).toBe('not_found');
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('matches on the path tail by default, and only under basePath when given', async () => {
    const tail = setup().handler;
    expect((await send(tail, 'POST', '/anything/here/card-verifications', { cardId: 'car_alice1' }, asAlice)).status).toBe(201);
    expect((await send(tail, 'POST', '/card-verifications/', { cardId: 'car_alice1' }, asAlice)).status).toBe(201);

    for (const basePath of ['/api/3ds', 'api/3ds/', '/api/3ds/']) {
      const based = setup({ basePath }).handler;
      expect((await send(based, 'POST', '/api/3ds/card-verifications', { cardId: 'car_alice1' }, asAlice)).status, basePath).toBe(201);
      expect((await send(based, 'POST', '/other/card-verifications', { cardId: 'car_alice1' }, asAlice)).status).toBe(404);
      expect((await send(based, 'POST', '/api/3ds/x/card-verifications', { cardId: 'car_alice1' }, asAlice)).status).toBe(404);
      expect((await send(based, 'POST', '/api/3dsx/card-verifications', { cardId: 'car_alice1' }, asAlice)).status).toBe(404);
    }
  });
});

describe('failures outside PAY.JP', () => {
  it('answers 500 backend_error when resolveCustomer throws, reports it to onError, leaks nothing', async () => {
    const reported: unknown[] = [];
    const { handler } = setup({
      resolveCustomer: () => {
        throw new Error(`session store down (${SECRET_KEY})`);
      },
      onError: (error) => reported.push(error),
    });
    const answer = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ error: { code: 'backend_error', message: 'Internal error' } });
    expect(reported).toHaveLength(1);
    expect((reported[0] as Error).message).toMatch(/session store down/);
  });

  it('does not call onError for 4xx answers, and survives a throwing onError', async () => {
    const reported: unknown[] = [];
    const { handler, fake } = setup({ onError: (error) => reported.push(error) });
    await send(handler, 'POST', '/card-verifications', { cardId: 'car_nobody' }, asAlice);
    await send(handler, 'GET', '/nope', undefined, asAlice);
    expect(reported).toEqual([]);

    const throwing = createPayjpHandler({
      secretKey: SECRET_KEY,
      publicKey: PUBLIC_KEY,
      resolveCustomer: () => ALICE,
      payjp: fake.client,
      onError: () => {
        throw new Error('logger down');
      },
    });
    fake.failNext('cards.retrieve', new TypeError('boom'));
    expect((await send(throwing, 'POST', '/card-verifications', { cardId: 'car_alice1' })).status).toBe(502);
  });
});
