import { afterAll, describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { assertTokenVerified, createPayjpHandler, type PayjpClientLike, type PayjpHandlerOptions } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, FAKE_NOW_MS as FAKE_CLOCK, PUBLIC_KEY, SECRET_KEY, sdkHttpError, seenBodies, send, type ErrorShape } from './payjpHandlerFake';

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
    now: () => fake.clock.ms,
    ...options,
  });
  const finishes = () => fake.calls.filter((call) => call.method === 'tokens.tds_finish').length;
  return { fake, handler, finishes };
}

describe('POST /tokens/{id}/finish', () => {
  it.each([
    ['verified', true, { outcome: 'succeeded', threeDSecureStatus: 'verified' }],
    ['attempted', true, { outcome: 'succeeded', threeDSecureStatus: 'attempted' }],
  ])('finishes a %s token the redirect workflow left open (acceptAttempted %s)', async (status, acceptAttempted, expected) => {
    const { fake, handler } = setup({ acceptAttempted });
    fake.putToken('tok_a', status);
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ token: { id: 'tok_a', ...expected } });
    expect(fake.calls.map((call) => [call.method, call.args])).toEqual([
      ['tokens.retrieve', ['tok_a']],
      ['tokens.tds_finish', ['tok_a']],
    ]);
    expect(fake.token('tok_a')?.finished).toBe(true);
  });

  it('never finishes an unverified token (F10): its result has not landed, so tds_finish could only fail', async () => {
    const { fake, handler, finishes } = setup({ allowGuestCharges: true });
    fake.putToken('tok_a', 'unverified', { finishResult: 'verified' });
    for (let i = 0; i < 20; i += 1) {
      const answer = await send(handler, 'POST', '/tokens/tok_a/finish');
      expect(answer.json.token).toEqual({ id: 'tok_a', threeDSecureStatus: 'unverified', outcome: 'pending' });
    }
    expect(finishes()).toBe(0);
  });

  it('answers a token pay.js already finished (iframe / sub-window): the second-finish error means done', async () => {
    const { fake, handler, finishes } = setup();
    fake.putToken('tok_a', 'verified', { finished: true });
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.token).toEqual({ id: 'tok_a', threeDSecureStatus: 'verified', outcome: 'succeeded' });
    expect(finishes()).toBe(1);
    // Remembered: no further tds_finish for it in this process.
    await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(finishes()).toBe(1);
  });

  it('answers pending for an unverified token whose result has not landed (three_d_secure_incompleted)', async () => {
    const { fake, handler } = setup();
    fake.putToken('tok_a', 'unverified');
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.token).toEqual({ id: 'tok_a', threeDSecureStatus: 'unverified', outcome: 'pending' });
    // The result lands: the next finish goes through.
    fake.putToken('tok_a', 'verified');
    expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).json.token.outcome).toBe('succeeded');
  });

  it.each([
    ['attempted', false, { outcome: 'failed', attemptedRefused: true }],
    ['failed', true, { outcome: 'failed' }],
    ['error', true, { outcome: 'failed' }],
    [null, true, { outcome: 'failed', threeDSecureStatus: null }],
  ])('only reads a %s token (acceptAttempted %s): no tds_finish', async (status, acceptAttempted, expected) => {
    const { fake, handler, finishes } = setup({ acceptAttempted });
    fake.putToken('tok_a', status);
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.token).toMatchObject(expected);
    expect(finishes()).toBe(0);
  });

  it('is idempotent, also for concurrent finishes: one tds_finish', async () => {
    const { fake, handler, finishes } = setup();
    fake.putToken('tok_a', 'verified');
    const answers = await Promise.all(Array.from({ length: 3 }, () => send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)));
    expect(answers.map((answer) => answer.json.token.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).json.token.outcome).toBe('succeeded');
    expect(finishes()).toBe(1);
  });

  describe.each(['v2', 'v3'] as const)('PAY.JP errors, %s shape', (shape) => {
    it.each(['not_in_three_d_secure_flow', 'three_d_secure_incompleted', 'invalid_three_d_secure_state'])(
      'a 400 %s at tds_finish: the token decides, by its status and age (not the code)',
      async (code) => {
        const { fake, handler } = setup({ now: () => fake.clock.ms }, shape);
        fake.putToken('tok_a', 'verified');
        fake.failNext('tokens.tds_finish', sdkHttpError(shape, 400, code));
        // Fresh and verified: finished already (by pay.js, or another process).
        expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).json.token).toEqual({ id: 'tok_a', threeDSecureStatus: 'verified', outcome: 'succeeded' });
        fake.putToken('tok_b', 'verified');
        fake.clock.ms += 30 * 60 * 1000 + 1000;
        fake.failNext('tokens.tds_finish', sdkHttpError(shape, 400, code));
        expect((await send(handler, 'POST', '/tokens/tok_b/finish', undefined, asAlice)).json.token).toMatchObject({ id: 'tok_b', outcome: 'expired' });
      },
    );

    it("PAY.JP's documented three_d_secure_expired at tds_finish is expired, even before 30 minutes (a shorter window)", async () => {
      const { fake, handler } = setup({ now: () => fake.clock.ms }, shape);
      fake.putToken('tok_a', 'verified');
      fake.failNext('tokens.tds_finish', sdkHttpError(shape, 400, 'three_d_secure_expired'));
      expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).json.token).toMatchObject({ id: 'tok_a', outcome: 'expired' });
    });

    it('an unverified token older than 30 minutes is expired, with no tds_finish', async () => {
      const { fake, handler, finishes } = setup({ now: () => fake.clock.ms }, shape);
      fake.putToken('tok_a', 'unverified');
      fake.clock.ms += 30 * 60 * 1000 + 1000;
      expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).json.token).toMatchObject({ outcome: 'expired' });
      expect(finishes()).toBe(0);
    });

    it('maps a 402 at tds_finish (the ¥11 check) to 402 card_declined', async () => {
      const { fake, handler } = setup({}, shape);
      fake.putToken('tok_a', 'verified');
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
    fake.putToken('tok_a', 'verified');
    expect((await send(handler, 'POST', '/tokens/tok_a/finish')).json.token.outcome).toBe('succeeded');
  });

  it('works without resolveCharge (token 3-D Secure for card registration)', async () => {
    const { fake, handler } = setup({ resolveCharge: undefined });
    fake.putToken('tok_a', 'verified');
    expect((await send(handler, 'POST', '/tokens/tok_a/finish', undefined, asAlice)).status).toBe(200);
  });

  it('answers 500 misconfigured when the client has no tokens.tds_finish (payjp < 2.3.0) and the token needs it', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_a', 'verified');
    fake.putToken('tok_b', 'failed');
    const client: PayjpClientLike = { ...fake.client, tokens: { retrieve: (id) => fake.client.tokens!.retrieve(id) } };
    const handler = createPayjpHandler({ secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => 'cus_alice', payjp: client, now: () => fake.clock.ms });
    const answer = await send(handler, 'POST', '/tokens/tok_a/finish');
    expect(answer.status).toBe(500);
    expect(answer.json.error).toMatchObject({ code: 'misconfigured', message: expect.stringMatching(/tds_finish/) });
    // A token that needs no finish is still read.
    expect((await send(handler, 'POST', '/tokens/tok_b/finish')).json.token.outcome).toBe('failed');
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

  it('finishes and resolves with a verified token, and an attempted one when accepted', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_v', 'verified');
    fake.putToken('tok_at', 'attempted');
    fake.putToken('tok_done', 'verified', { finished: true });
    await expect(assertTokenVerified(fake.client, 'tok_v', { now: () => FAKE_CLOCK })).resolves.toMatchObject({ id: 'tok_v' });
    await expect(assertTokenVerified(fake.client, 'tok_done', { now: () => FAKE_CLOCK })).resolves.toMatchObject({ id: 'tok_done' });
    expect((await thrown(assertTokenVerified(fake.client, 'tok_at', { acceptAttempted: false, now: () => FAKE_CLOCK }))).code).toBe('attempted_not_accepted');
    await expect(assertTokenVerified(fake.client, 'tok_at', { now: () => FAKE_CLOCK })).resolves.toMatchObject({ id: 'tok_at' });
    expect(fake.token('tok_v')?.finished).toBe(true);
    expect(fake.token('tok_at')?.finished).toBe(true);
  });

  it.each([
    ['failed', 'three_d_secure_failed'],
    ['error', 'three_d_secure_failed'],
    [null, 'three_d_secure_failed'],
  ])('throws for a %s token: %s', async (status, code) => {
    const fake = createFakePayjp();
    fake.putToken('tok_a', status);
    expect((await thrown(assertTokenVerified(fake.client, 'tok_a', { now: () => FAKE_CLOCK }))).code).toBe(code);
  });

  it('throws three_d_secure_failed (incompleted) while the result has not landed; finish: false only reads', async () => {
    const fake = createFakePayjp();
    fake.putToken('tok_a', 'unverified');
    expect(await thrown(assertTokenVerified(fake.client, 'tok_a', { now: () => FAKE_CLOCK }))).toMatchObject({ code: 'three_d_secure_failed', providerCode: 'three_d_secure_incompleted' });
    fake.putToken('tok_b', 'verified');
    await expect(assertTokenVerified(fake.client, 'tok_b', { finish: false, now: () => FAKE_CLOCK })).resolves.toMatchObject({ id: 'tok_b' });
    expect(fake.calls.filter((call) => call.method === 'tokens.tds_finish')).toEqual([]);
  });

  it('throws expired for a refused finish past 30 minutes, card_declined for a 402, not_found, invalid_request, misconfigured', async () => {
    const fake = createFakePayjp('v2');
    fake.putToken('tok_a', 'verified');
    fake.failNext('tokens.tds_finish', sdkHttpError('v2', 400, 'three_d_secure_expired'));
    expect((await thrown(assertTokenVerified(fake.client, 'tok_a', { now: () => fake.clock.ms + 31 * 60 * 1000 }))).code).toBe('expired');
    fake.failNext('tokens.tds_finish', sdkHttpError('v2', 402, 'card_declined', 'card_error'));
    expect(await thrown(assertTokenVerified(fake.client, 'tok_a', { now: () => FAKE_CLOCK }))).toMatchObject({ code: 'card_declined', providerCode: 'card_declined', status: 402 });
    expect((await thrown(assertTokenVerified(fake.client, 'tok_nobody', { now: () => FAKE_CLOCK }))).code).toBe('not_found');
    expect((await thrown(assertTokenVerified(fake.client, 'ch_abc', { now: () => FAKE_CLOCK }))).code).toBe('invalid_request');
    expect((await thrown(assertTokenVerified({}, 'tok_a', { now: () => FAKE_CLOCK }))).code).toBe('misconfigured');
  });
});
