import { afterAll, describe, expect, it } from 'vitest';
import { createPayjpHandler, type PayjpHandlerOptions } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, sdkHttpError, sdkNetworkError, seenBodies, send, type ErrorShape } from './payjpHandlerFake';

afterAll(() => expectNoSecretIn(seenBodies));

const ALICE = 'cus_alice';
const asAlice = { 'x-customer': ALICE };
const MINUTE = 60_000;
const owned = { metadata: { react3ds_customer: ALICE } };

function setup(options: Partial<PayjpHandlerOptions> = {}, shape: ErrorShape = 'v3') {
  const fake = createFakePayjp(shape);
  const reported: unknown[] = [];
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    resolveCharge: () => ({ amount: 1000 }),
    payjp: fake.client,
    returnUrls: ['https://shop.example/checkout/3ds-return', 'https://shop.example/other'],
    now: () => fake.clock.ms,
    onError: (error) => reported.push(error),
    ...options,
  });
  const finishes = () => fake.calls.filter((call) => call.method === 'charges.tds_finish').length;
  return { fake, handler, reported, finishes };
}

describe('GET /charges/{id}: outcomes', () => {
  it.each([
    ['unverified', {}, true, { outcome: 'pending' }],
    ['verified, not paid (awaiting finish)', { three_d_secure_status: 'verified' }, true, { outcome: 'pending' }],
    ['attempted, accepted (awaiting finish)', { three_d_secure_status: 'attempted' }, true, { outcome: 'pending' }],
    ['attempted, refused', { three_d_secure_status: 'attempted' }, false, { outcome: 'failed', attemptedRefused: true }],
    ['failed', { three_d_secure_status: 'failed' }, true, { outcome: 'failed' }],
    ['error', { three_d_secure_status: 'error' }, true, { outcome: 'failed' }],
    ['aborted', { three_d_secure_status: 'aborted' }, true, { outcome: 'failed' }],
    ['paid', { three_d_secure_status: 'verified', paid: true, captured: true }, true, { outcome: 'succeeded', paid: true, captured: true }],
    ['declined at finish', { three_d_secure_status: 'verified', failure_code: 'card_declined' }, true, { outcome: 'failed', failureCode: 'card_declined' }],
  ])('reads %s', async (_name, change, acceptAttempted, expected) => {
    const { fake, handler } = setup({ acceptAttempted });
    fake.putCharge({ id: 'ch_a', ...owned, ...change });
    const answer = await send(handler, 'GET', '/charges/ch_a', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.charge).toMatchObject(expected);
    if (!('attemptedRefused' in expected)) expect(answer.json.charge).not.toHaveProperty('attemptedRefused');
  });

  it('reads an unpaid charge as expired after 30 minutes, and a paid one as succeeded forever', async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_open', ...owned });
    fake.putCharge({ id: 'ch_ready', ...owned, three_d_secure_status: 'verified' });
    fake.putCharge({ id: 'ch_paid', ...owned, three_d_secure_status: 'verified', paid: true });
    fake.clock.ms += 30 * MINUTE;
    expect((await send(handler, 'GET', '/charges/ch_open', undefined, asAlice)).json.charge.outcome).toBe('pending');
    fake.clock.ms += 1000;
    for (const [id, outcome] of [['ch_open', 'expired'], ['ch_ready', 'expired'], ['ch_paid', 'succeeded']]) {
      expect((await send(handler, 'GET', `/charges/${id}`, undefined, asAlice)).json.charge.outcome, id).toBe(outcome);
    }
  });
});

describe('POST /charges/{id}/finish', () => {
  it.each(['verified', 'attempted'])('finishes a %s charge once: 200 { charge } paid', async (status) => {
    const { fake, handler, finishes } = setup();
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: status });
    const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.charge).toMatchObject({ id: 'ch_a', paid: true, captured: true, outcome: 'succeeded', threeDSecureStatus: status });
    // A charge this process never created nor read: one read decides ownership (outside the lock),
    // one fresh read inside the lock decides the finish.
    expect(fake.calls.map((call) => call.method)).toEqual(['charges.retrieve', 'charges.retrieve', 'charges.tds_finish']);
    expect(finishes()).toBe(1);
  });

  it('is idempotent: a second finish answers the paid charge without a second tds_finish', async () => {
    const { fake, handler, finishes } = setup();
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
    const first = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    const second = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(finishes()).toBe(1);
  });

  it('serialises concurrent finishes of one charge: one tds_finish, every answer paid', async () => {
    const { fake, handler, finishes } = setup();
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
    fake.putCharge({ id: 'ch_b', ...owned, three_d_secure_status: 'verified' });
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice)),
      send(handler, 'POST', '/charges/ch_b/finish', undefined, asAlice),
    ]);
    expect(answers.map((answer) => [answer.status, answer.json.charge.paid])).toEqual(Array.from({ length: 5 }, () => [200, true]));
    expect(finishes()).toBe(2);
    expect(fake.calls.filter((call) => call.method === 'charges.tds_finish').map((call) => call.args[0])).toEqual(['ch_a', 'ch_b']);
  });

  it('answers 200 with the paid charge when another process finished it first (tds_finish fails, re-read is paid)', async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
    // The other process's finish lands between our read and our tds_finish, which then fails.
    const original = fake.client.charges?.tds_finish;
    let raced = false;
    if (fake.client.charges && original) {
      fake.client.charges.tds_finish = async (id) => {
        if (!raced) {
          raced = true;
          fake.updateCharge('ch_a', { paid: true, captured: true });
        }
        return original(id);
      };
    }
    const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
  });

  it('does not finish a refused attempted charge: 200 failed + attemptedRefused', async () => {
    const { fake, handler, finishes } = setup({ acceptAttempted: false });
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'attempted' });
    const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.charge).toMatchObject({ paid: false, outcome: 'failed', attemptedRefused: true });
    expect(finishes()).toBe(0);
  });

  it.each(['failed', 'error', 'aborted'])('does not finish a %s charge: 200 failed', async (status) => {
    const { fake, handler, finishes } = setup();
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: status });
    const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.json.charge).toMatchObject({ paid: false, outcome: 'failed', threeDSecureStatus: status });
    expect(finishes()).toBe(0);
  });

  it('answers 400 invalid_request (providerCode three_d_secure_incompleted) while still unverified, then finishes once the result lands', async () => {
    const { fake, handler, finishes } = setup();
    fake.putCharge({ id: 'ch_a', ...owned });
    const early = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
    expect(early.status).toBe(400);
    expect(early.json.error).toMatchObject({ code: 'invalid_request', providerCode: 'three_d_secure_incompleted' });
    expect(finishes()).toBe(0);
    fake.updateCharge('ch_a', { three_d_secure_status: 'verified' });
    expect((await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice)).json.charge.paid).toBe(true);
  });

  it('answers 409 expired past the 30-minute window, without calling tds_finish', async () => {
    const { fake, handler, finishes } = setup();
    fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
    fake.putCharge({ id: 'ch_b', ...owned });
    fake.clock.ms += 31 * MINUTE;
    for (const id of ['ch_a', 'ch_b']) {
      const answer = await send(handler, 'POST', `/charges/${id}/finish`, undefined, asAlice);
      expect(answer.status, id).toBe(409);
      expect(answer.json.error.code).toBe('expired');
    }
    expect(finishes()).toBe(0);
  });

  describe.each(['v2', 'v3'] as const)('PAY.JP errors at tds_finish, %s shape', (shape) => {
    it.each(['card_declined', 'expired_card', 'processing_error'])('maps a 402 %s to 402 card_declined with providerCode, and repeats it', async (code) => {
      const { fake, handler, finishes, reported } = setup({}, shape);
      fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
      fake.declineAtFinish('ch_a', code);
      const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
      expect(answer.status).toBe(402);
      expect(answer.json).toEqual({ error: { code: 'card_declined', message: expect.any(String), providerCode: code } });
      // Retrying the decline does not call PAY.JP's finish again, and answers the same.
      const again = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
      expect(again.status).toBe(402);
      expect(again.json.error).toMatchObject({ code: 'card_declined', providerCode: code });
      expect(finishes()).toBe(1);
      const read = await send(handler, 'GET', '/charges/ch_a', undefined, asAlice);
      expect(read.json.charge).toMatchObject({ outcome: 'failed', failureCode: code, paid: false });
      expect(reported).toEqual([]);
    });

    it.each(['three_d_secure_expired', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted'])('maps %s to 409 expired', async (code) => {
      const { fake, handler } = setup({}, shape);
      fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
      fake.failNext('charges.tds_finish', sdkHttpError(shape, 400, code));
      const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
      expect(answer.status).toBe(409);
      expect(answer.json.error).toMatchObject({ code: 'expired', providerCode: code });
    });

    it('maps a network failure to 502 backend_error and reports it', async () => {
      const { fake, handler, reported } = setup({}, shape);
      fake.putCharge({ id: 'ch_a', ...owned, three_d_secure_status: 'verified' });
      fake.failNext('charges.tds_finish', sdkNetworkError(shape, 'timeout'));
      const answer = await send(handler, 'POST', '/charges/ch_a/finish', undefined, asAlice);
      expect(answer.status).toBe(502);
      expect(answer.json.error.code).toBe('backend_error');
      expect(reported).toHaveLength(1);
    });
  });

  it('answers 404 for an unknown charge and 400 for a malformed id', async () => {
    const { handler, finishes } = setup();
    expect((await send(handler, 'POST', '/charges/ch_nobody/finish', undefined, asAlice)).status).toBe(404);
    expect((await send(handler, 'POST', '/charges/tdsr_abc/finish', undefined, asAlice)).status).toBe(400);
    expect(finishes()).toBe(0);
  });
});

describe('POST /charges/{id}/redirect', () => {
  it('answers PAY.JP start page for the ch_ id with a signed back_url', async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', ...owned });
    const answer = await send(handler, 'POST', '/charges/ch_a/redirect', { returnUrl: 'https://shop.example/other' }, asAlice);
    expect(answer.status).toBe(200);
    const url = new URL(answer.json.url as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.pay.jp/v1/tds/ch_a/start');
    expect(url.searchParams.get('publickey')).toBe(PUBLIC_KEY);
    const payload = JSON.parse(Buffer.from((url.searchParams.get('back_url') ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    expect(payload).toEqual({ url: 'https://shop.example/other' });
  });

  it('refuses an unlisted return URL (400), an expired charge (409), and a finished one (400)', async () => {
    const { fake, handler } = setup();
    fake.putCharge({ id: 'ch_a', ...owned });
    fake.putCharge({ id: 'ch_paid', ...owned, three_d_secure_status: 'verified', paid: true });
    expect((await send(handler, 'POST', '/charges/ch_a/redirect', { returnUrl: 'https://evil.example/' }, asAlice)).json.error.code).toBe('return_url_not_allowed');
    expect((await send(handler, 'POST', '/charges/ch_paid/redirect', {}, asAlice)).status).toBe(400);
    fake.clock.ms += 31 * MINUTE;
    const expired = await send(handler, 'POST', '/charges/ch_a/redirect', {}, asAlice);
    expect(expired.status).toBe(409);
    expect(expired.json.error.code).toBe('expired');
  });

  it('answers 500 misconfigured without returnUrls', async () => {
    const { fake, handler } = setup({ returnUrls: [] });
    fake.putCharge({ id: 'ch_a', ...owned });
    expect((await send(handler, 'POST', '/charges/ch_a/redirect', {}, asAlice)).json.error.code).toBe('misconfigured');
  });
});
