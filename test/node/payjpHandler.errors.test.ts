import { afterAll, describe, expect, it } from 'vitest';
import { createPayjpHandler } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, sdkHttpError, sdkNetworkError, seenBodies, send, type ErrorShape } from './payjpHandlerFake';

afterAll(() => expectNoSecretIn(seenBodies));

function setup(shape: ErrorShape) {
  const fake = createFakePayjp(shape);
  fake.addCard('cus_alice', 'car_alice1');
  fake.putRequest({ id: 'tdsr_alice', resource_id: 'car_alice1' });
  const reported: unknown[] = [];
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: () => 'cus_alice',
    payjp: fake.client,
    returnUrls: ['https://shop.example/3ds/return'],
    onError: (error) => reported.push(error),
  });
  return { fake, handler, reported };
}

describe.each(['v2', 'v3'] as const)('PAY.JP SDK errors, %s shape', (shape) => {
  it.each([
    ['three_d_secure_expired', 400, 409, 'expired'],
    ['not_in_three_d_secure_flow', 400, 409, 'expired'],
    ['three_d_secure_incompleted', 400, 409, 'expired'],
    ['invalid_param', 400, 502, 'backend_error'],
    ['card_declined', 402, 502, 'backend_error'],
    ['over_capacity', 429, 503, 'backend_error'],
    ['pg_wrong', 500, 502, 'backend_error'],
  ])('maps %s (HTTP %i) from create to %i %s with providerCode', async (providerCode, status, ourStatus, code) => {
    const { fake, handler } = setup(shape);
    fake.failNext('tdsr.create', sdkHttpError(shape, status, providerCode, status === 402 ? 'card_error' : 'client_error'));
    const answer = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    expect(answer.status).toBe(ourStatus);
    expect(answer.json).toEqual({ error: { code, message: expect.any(String), providerCode, ...(status === 429 ? { retryable: true } : {}) } });
    expect(answer.headers.get('retry-after')).toBe(status === 429 ? '2' : null);
    // PAY.JP's own message is for the merchant's logs, never repeated.
    expect(answer.json.error.message).not.toMatch(/Invalid request/);
  });

  it('maps PAY.JP 401 (secret key refused) to 500 misconfigured and reports it', async () => {
    const { fake, handler, reported } = setup(shape);
    const error = sdkHttpError(shape, 401, 'invalid_api_key', 'auth_error');
    fake.failNext('tdsr.retrieve', error);
    const answer = await send(handler, 'GET', '/card-verifications/tdsr_alice');
    expect(answer.status).toBe(500);
    expect(answer.json.error).toMatchObject({ code: 'misconfigured', providerCode: 'invalid_api_key' });
    expect(reported).toEqual([error]);
  });

  it('maps a PAY.JP 404 on retrieve to 404, and on the ownership lookup to 403', async () => {
    const { fake, handler } = setup(shape);
    fake.failNext('tdsr.retrieve', sdkHttpError(shape, 404, 'invalid_id'));
    expect((await send(handler, 'GET', '/card-verifications/tdsr_alice')).status).toBe(404);
    fake.failNext('cards.retrieve', sdkHttpError(shape, 404, 'invalid_id'));
    expect((await send(handler, 'GET', '/card-verifications/tdsr_alice')).status).toBe(403);
  });

  it('maps expiry codes on the redirect route too', async () => {
    const { fake, handler } = setup(shape);
    fake.failNext('tdsr.retrieve', sdkHttpError(shape, 400, 'three_d_secure_expired'));
    const answer = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', {});
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatchObject({ code: 'expired', providerCode: 'three_d_secure_expired' });
  });

  it.each(['network', 'timeout'] as const)('maps a %s failure to 502 backend_error without providerCode', async (kind) => {
    const { fake, handler, reported } = setup(shape);
    fake.failNext('cards.retrieve', sdkNetworkError(shape, kind));
    const answer = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    expect(answer.status).toBe(502);
    expect(answer.json).toEqual({ error: { code: 'backend_error', message: 'PAY.JP could not be reached or did not answer in time' } });
    expect(reported).toHaveLength(1);
  });

  it('drops a provider code that does not look like one', async () => {
    const { fake, handler } = setup(shape);
    fake.failNext('tdsr.create', sdkHttpError(shape, 400, `<script>${SECRET_KEY}`));
    const answer = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    expect(answer.status).toBe(502);
    expect(answer.json.error).not.toHaveProperty('providerCode');
  });
});

describe('other failures of a PAY.JP call', () => {
  it('answers 502 backend_error for anything the SDK throws that is not HTTP', async () => {
    const { fake, handler } = setup('v3');
    fake.failNext('tdsr.create', new TypeError(`Cannot read properties of undefined (${SECRET_KEY})`));
    const answer = await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' });
    expect(answer.status).toBe(502);
    expect(answer.json.error.code).toBe('backend_error');
    fake.failNext('tdsr.create', 'a string');
    expect((await send(handler, 'POST', '/card-verifications', { cardId: 'car_alice1' })).status).toBe(502);
  });
});
