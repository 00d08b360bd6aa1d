import { afterAll, describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { assertTokenVerified, createPayjpHandler, type PayjpClientLike, type PayjpHandlerOptions } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, sdkHttpError, seenBodies, send, type ErrorShape } from './payjpHandlerFake';

afterAll(() => expectNoSecretIn(seenBodies));

const asAlice = { 'x-customer': 'cus_alice' };

function setup(options: Partial<PayjpHandlerOptions> = {}, shape: ErrorShape = 'v3') {
  const fake = createFakePayjp(shape);
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    payjp: fake.client,
    returnUrls: ['https://shop.example/checkout/3ds-return'],
    ...options,
  });
  const finishes = () => fake.calls.filter((call) => call.method === 'tokens.tds_finish').length;
  return { fake, handler, finishes };
}

describe('POST /tokens/{id}/finish', () => {
  it.each([
    ['verified', true, { outcome: 'succeeded', threeDSecureStatus: 'verified' }],
    ['attempted', true, { outcome: 'succeeded', threeDSecureStatus: 'attempted' }],
    ['attempted', false, { outcome: 'failed', threeDSecureStatus: 'attempted', attemptedRefused: true }],
    ['failed', true, { outcome: 'failed', threeDSecureStatus: 'failed' }],
    ['error', true, { outcome: 'failed', threeDSecureStatus: 'error' }],
  ])('finishes an unverified token whose challenge ended %s (acceptAttempted %s)', async (result, acceptAttempted, expected) => {
    const { fake, handler, finishes } = setup({ acceptAttempted });
    fake.putToken('tok_a', 'unverified', result);
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ token: { id: 'tok_a', ...expected } });
    expect(fake.calls.map((call) => [call.method, call.args])).toEqual([
      ['tokens.retrieve', ['tok_a']],
      ['tokens.tds_finish', ['tok_a']],
    ]);
    expect(finishes()).toBe(1);
  });

  it.each([
    ['verified', { outcome: 'succeeded' }],
    ['failed', { outcome: 'failed' }],
    [null, { outcome: 'failed', threeDSecureStatus: null }],
  ])('only reads a token already at %s (iframe / sub-window finished it)', async (status, expected) => {
    const { fake, handler, finishes } = setup();
    fake.putToken('tok_a', status);
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.token).toMatchObject(expected);
    expect(finishes()).toBe(0);
  });

  it('is idempotent, also for concurrent finishes: one tds_finish', async () => {
    const { fake, handler, finishes } = setup();
    fake.putToken('tok_a', 'unverified');
    const answers = await Promise.all(Array.from({ length: 3 }, () => send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)));
    expect(answers.map((answer) => answer.json.token.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).json.token.outcome).toBe('succeeded');
    expect(finishes()).toBe(1);
  });

  describe.each(['v2', 'v3'] as const)('PAY.JP errors, %s shape', (shape) => {
    it.each(['three_d_secure_expired', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted'])('answers 200 outcome expired for %s at tds_finish', async (code) => {
      const { fake, handler } = setup({}, shape);
      fake.putToken('tok_a', 'unverified');
      fake.failNext('tokens.tds_finish', sdkHttpError(shape, 400, code));
      const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
      expect(answer.status).toBe(200);
      expect(answer.json.token).toEqual({ id: 'tok_a', threeDSecureStatus: 'unverified', outcome: 'expired' });
    });

    it('maps a 402 at tds_finish (the ¥11 check) to 402 card_declined', async () => {
      const { fake, handler } = setup({}, shape);
      fake.putToken('tok_a', 'unverified');
      fake.failNext('tokens.tds_finish', sdkHttpError(shape, 402, 'card_declined', 'card_error'));
      const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
      expect(answer.status).toBe(402);
      expect(answer.json.error).toMatchObject({ code: 'card_declined', providerCode: 'card_declined' });
    });
  });

  it('answers 404 for an unknown token, 400 for a malformed id, 401 without a customer', async () => {
    const { fake, handler } = setup();
    expect((await send(handler, 'POST', '/tokens/tok_nobody/finish', undefined, asAlice)).json.error.code).toBe('not_found');
    for (const id of ['ch_abc', 'tok_', 'tok_a-b']) {
      const answer = await send(handler, 'POST', `/tokens/${id}/finish`, undefined, asAlice);
      expect(answer.status, id).toBe(400);
      expect(answer.json.error).toMatchObject({ code: 'invalid_request', param: 'id' });
    }
    fake.putToken('tok_a', 'unverified');
    expect((await send(handler, 'POST', '/tokens/tok_a/finish')).status).toBe(401);
    expect(fake.calls.map((call) => call.method)).toEqual(['tokens.retrieve']);
  });

  it('lets guests finish tokens when allowGuestCharges is on', async () => {
    const { fake, handler } = setup({ allowGuestCharges: true });
    fake.putToken('tok_a', 'unverified');
    expect((await send(handler, 'POST', '/tokens/tok_a/finish')).json.token.outcome).toBe('succeeded');
  });

  it('works without resolveCharge (token 3-D Secure for card registration)', async () => {
    const { fake, handler } = setup({ resolveCharge: undefined });
    fake.putToken('tok_a', 'unverified');
    expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).status).toBe(200);
  });

  it('answers 500 misconfigured when the client has no tokens.tds_finish (payjp < 2.3.0) and the token needs it', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_a', 'unverified');
    fake.putToken('tok_b', 'verified');
    const client: PayjpClientLike = { ...fake.client, tokens: { retrieve: (id) => fake.client.tokens!.retrieve(id) } };
    const handler = createPayjpHandler({ secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => 'cus_alice', payjp: client });
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish');
    expect(answer.status).toBe(500);
    expect(answer.json.error).toMatchObject({ code: 'misconfigured', message: expect.stringMatching(/tds_finish/) });
    // A token that needs no finish is still read.
    expect((await send(handler, 'POST', '/tokens/tok_b/finish')).json.token.outcome).toBe('succeeded');
    const none = createPayjpHandler({ secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => 'cus_alice', payjp: { ...fake.client, tokens: undefined } });
    expect((await send(none, 'POST', '/tokens/tok_b/finish')).json.error.code).toBe('misconfigured');
  });
});

describe('POST /tokens/{id}/redirect', () => {
  it('answers the start page for the tok_ id', async () => {
    const { fake, handler } = setup();
    fake.putToken('tok_a', 'unverified');
    const answer = await send(handler, 'POST', '/tokens/tok_a/redirect', {}, asAlice);
    expect(answer.status).toBe(200);
    const url = new URL(answer.json.url as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.pay.jp/v1/tds/tok_a/start');
    expect(url.searchParams.get('publickey')).toBe(PUBLIC_KEY);
    expect(url.searchParams.get('back_url')?.split('.')).toHaveLength(3);
  });

  it('answers 404 for an unknown token, 400 for a bad return URL, 401 without a customer', async () => {
    const { fake, handler } = setup();
    fake.putToken('tok_a', 'unverified');
    expect((await send(handler, 'POST', '/tokens/tok_nobody/redirect', {}, asAlice)).status).toBe(404);
    expect((await send(handler, 'POST', '/tokens/tok_a/redirect', { returnUrl: 'https://evil.example/' }, asAlice)).json.error.code).toBe('return_url_not_allowed');
    expect((await send(handler, 'POST', '/tokens/tok_a/redirect', {})).status).toBe(401);
  });
});

describe('assertTokenVerified', () => {
  async function thrown(call: Promise<unknown>): Promise<ThreeDSecureError> {
    try {
      await call;
    } catch (error) {
      expect(error).toBeInstanceOf(ThreeDSecureError);
      return error as ThreeDSecureError;
    }
    throw new Error('expected a rejection');
  }

  it('resolves with a verified token, and an attempted one when accepted', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_v', 'verified');
    fake.putToken('tok_at', 'attempted');
    await expect(assertTokenVerified(fake.client, 'tok_v')).resolves.toMatchObject({ id: 'tok_v' });
    await expect(assertTokenVerified(fake.client, 'tok_at')).resolves.toMatchObject({ id: 'tok_at' });
    expect((await thrown(assertTokenVerified(fake.client, 'tok_at', { acceptAttempted: false }))).code).toBe('attempted_not_accepted');
  });

  it.each([
    ['failed', 'three_d_secure_failed'],
    ['error', 'three_d_secure_failed'],
    [null, 'three_d_secure_failed'],
  ])('throws for a %s token: %s', async (status, code) => {
    const fake = createFakePayjp();
    fake.putToken('tok_a', status);
    expect((await thrown(assertTokenVerified(fake.client, 'tok_a'))).code).toBe(code);
  });

  it('throws three_d_secure_failed (incompleted) for an unfinished token, and finishes it with finish: true', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_a', 'unverified', 'verified');
    const error = await thrown(assertTokenVerified(fake.client, 'tok_a'));
    expect(error).toMatchObject({ code: 'three_d_secure_failed', providerCode: 'three_d_secure_incompleted' });
    await expect(assertTokenVerified(fake.client, 'tok_a', { finish: true })).resolves.toMatchObject({ card: { three_d_secure_status: 'verified' } });
    await expect(assertTokenVerified(fake.client, 'tok_a', { finish: true })).resolves.toMatchObject({ id: 'tok_a' });
    expect(fake.calls.filter((call) => call.method === 'tokens.tds_finish')).toHaveLength(1);
  });

  it('throws expired for PAY.JP expired codes at finish, not_found for an unknown token, invalid_request for a bad id', async () => {
    const fake = createFakePayjp('v2');
    fake.putToken('tok_a', 'unverified');
    fake.failNext('tokens.tds_finish', sdkHttpError('v2', 400, 'three_d_secure_expired'));
    expect((await thrown(assertTokenVerified(fake.client, 'tok_a', { finish: true }))).code).toBe('expired');
    expect((await thrown(assertTokenVerified(fake.client, 'tok_nobody'))).code).toBe('not_found');
    expect((await thrown(assertTokenVerified(fake.client, 'ch_abc'))).code).toBe('invalid_request');
    expect((await thrown(assertTokenVerified({}, 'tok_a'))).code).toBe('misconfigured');
  });
});
