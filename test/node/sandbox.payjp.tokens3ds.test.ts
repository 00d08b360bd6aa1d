// Token 3-D Secure on the PAY.JP stand-in: `POST /v1/tokens` with three_d_secure=true (as pay.js
// sends it, public key), the unusable unverified token, the issuer page for tok_ ids, and
// `POST /v1/tokens/:id/tds_finish` with the public key (pay.js, mobile SDKs) or the SDKs.
import { describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../src/sandbox';
import { api, card, complete, DIRECT, failure, jws, listen, openStart, PK, SDKS, SK } from './sandbox.payjp.support';

const BACK = 'https://shop.example/3ds/token-return';
const redirect = () => ({ publickey: PK, back_url: jws({ url: BACK }, SK) });

function fakeClock(start = Date.UTC(2030, 0, 1)) {
  const clock = { now: start, advance: (ms: number) => (clock.now += ms), read: () => clock.now };
  return clock;
}

/** What pay.js sends for `createToken(el, { three_d_secure: true, card: { name, email, phone } })`. */
function tokenForm(number = '4242424242424242', threeDSecure = 'true'): Record<string, string> {
  const fields = card(number);
  return {
    'card[number]': fields.number,
    'card[exp_month]': String(fields.exp_month),
    'card[exp_year]': String(fields.exp_year),
    'card[cvc]': fields.cvc,
    'card[name]': fields.name,
    'card[email]': fields.email,
    'card[phone]': fields.phone,
    three_d_secure: threeDSecure,
  };
}

async function tdsToken(server: SandboxServer, number?: string): Promise<string> {
  const created = await api(server, 'POST', '/tokens', tokenForm(number), PK);
  expect(created.status).toBe(200);
  return created.body.id as string;
}

async function authenticate(server: SandboxServer, id: string, outcome = 'verified') {
  const start = await openStart(server, id, redirect());
  expect(start.status).toBe(200);
  return complete(server, id, start.context ?? '', outcome);
}

describe('POST /v1/tokens with three_d_secure=true', () => {
  it('creates an unverified token carrying name, email and phone', async () => {
    const server = await listen();
    const created = await api(server, 'POST', '/tokens', tokenForm(), PK);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: 'token',
      used: false,
      livemode: false,
      card: { three_d_secure_status: 'unverified', name: 'TARO YAMADA', email: 'taro@example.jp', phone: '+819012345678', last4: '4242' },
    });
    const plain = await api(server, 'POST', '/tokens', tokenForm('4242424242424242', 'false'), PK);
    expect((plain.body.card as Record<string, unknown>).three_d_secure_status).toBeNull();
    const bad = await api(server, 'POST', '/tokens', tokenForm('4242424242424242', 'yes'), PK);
    expect(bad.body.error).toMatchObject({ status: 400, code: 'invalid_boolean', param: 'three_d_secure' });
  });

  it('still fails token-time decline numbers with 402', async () => {
    const server = await listen();
    const declined = await api(server, 'POST', '/tokens', tokenForm('4000000000000002'), PK);
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined' });
  });
});

describe.each(SDKS)('$name', (sdk) => {
  it('unverified → unusable → verified → tds_finish with the public key → usable by a charge', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const id = await tdsToken(server);

    for (const call of [
      () => payjp.charges.create({ amount: 1000, currency: 'jpy', card: id }),
      () => payjp.customers.create({ card: id }),
    ]) {
      const refused = await failure(sdk, call);
      expect(refused.error).toMatchObject({ status: 400, code: 'unverified_token', param: 'card' });
    }
    const early = await api(server, 'POST', `/tokens/${id}/tds_finish`, undefined, PK);
    expect(early.body.error).toMatchObject({ status: 400, code: 'three_d_secure_incompleted' });

    expect(await authenticate(server, id, 'verified')).toMatchObject({ status: 303, location: BACK });
    // Authenticated, but not finished: still unusable.
    expect((await payjp.tokens.retrieve(id)).card.three_d_secure_status).toBe('verified');
    expect((await failure(sdk, () => payjp.charges.create({ amount: 1000, currency: 'jpy', card: id }))).error?.code).toBe('unverified_token');

    const finished = await api(server, 'POST', `/tokens/${id}/tds_finish`, undefined, PK);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ id, object: 'token', used: false, card: { three_d_secure_status: 'verified' } });
    const second = await failure(sdk, () => payjp.tokens.tds_finish(id));
    expect(second.error).toMatchObject({ status: 400, code: 'invalid_three_d_secure_state' });

    const charge = await payjp.charges.create({ amount: 1000, currency: 'jpy', card: id });
    expect(charge).toMatchObject({ paid: true, three_d_secure_status: null, card: { three_d_secure_status: 'verified' } });
    expect((await payjp.tokens.retrieve(id)).used).toBe(true);
  });

  it('tokens.tds_finish with the secret key (redirect flow) after attempted; a customer keeps the status', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const id = await tdsToken(server);
    await authenticate(server, id, 'attempted');
    expect((await payjp.tokens.tds_finish(id)).card.three_d_secure_status).toBe('attempted');
    const customer = await payjp.customers.create({ card: id });
    expect(customer.cards.data[0]?.three_d_secure_status).toBe('attempted');
  });

  it('cannot finish failed / error results, tokens made without 3-D Secure, or unknown tokens', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    for (const outcome of ['failed', 'error']) {
      const id = await tdsToken(server);
      await authenticate(server, id, outcome);
      expect((await failure(sdk, () => payjp.tokens.tds_finish(id))).error?.code).toBe('three_d_secure_incompleted');
    }
    const plain = await payjp.tokens.create({ card: card() }, DIRECT);
    expect((await failure(sdk, () => payjp.tokens.tds_finish(plain.id))).error).toMatchObject({ status: 400, code: 'not_in_three_d_secure_flow' });
    expect((await failure(sdk, () => payjp.tokens.tds_finish('tok_nope'))).status).toBe(404);
  });

  it('expires chargeExpiryMs after the token was created', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read } });
    const payjp = sdk.create(SK, server.payjpApiBase);
    const id = await tdsToken(server);
    await authenticate(server, id);
    clock.advance(30 * 60 * 1000 + 1);
    expect((await failure(sdk, () => payjp.tokens.tds_finish(id))).error).toMatchObject({ status: 400, code: 'three_d_secure_expired' });
    const never = await tdsToken(server);
    clock.advance(30 * 60 * 1000 + 1);
    const start = await openStart(server, never, redirect());
    expect(start.status).toBe(400);
    expect(start.page).toContain('data-error="three_d_secure_expired"');
  });

  it('a token made with the SDK (secret key + direct header) can take three_d_secure too', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const token = await payjp.tokens.create({ card: card('4000000000003055'), three_d_secure: true } as never, DIRECT);
    expect(token.card.three_d_secure_status).toBe('unverified');
    const start = await openStart(server, token.id, redirect());
    expect(start.page).toContain('data-frictionless="verified"');
    await complete(server, token.id, start.context ?? '', 'verified');
    await payjp.tokens.tds_finish(token.id);
    const charge = await payjp.charges.create({ amount: 600, currency: 'jpy', card: token.id, three_d_secure: true });
    expect(charge.three_d_secure_status).toBe('unverified');
  });
});

describe('start page for tok_ ids', () => {
  it('refuses a token made without three_d_secure, and a finished one', async () => {
    const server = await listen();
    const plain = await api(server, 'POST', '/tokens', tokenForm('4242424242424242', 'false'), PK);
    const page = await openStart(server, plain.body.id as string, redirect());
    expect(page.status).toBe(400);
    expect(page.page).toContain('data-error="not_in_three_d_secure_flow"');
    const id = await tdsToken(server);
    await authenticate(server, id);
    expect((await openStart(server, id, redirect())).status).toBe(409);
  });

  it('abandon leaves the token unverified and restartable', async () => {
    const server = await listen();
    const id = await tdsToken(server);
    expect(await authenticate(server, id, 'abandon')).toMatchObject({ status: 303, location: BACK });
    const token = await api(server, 'GET', `/tokens/${id}`);
    expect((token.body.card as Record<string, unknown>).three_d_secure_status).toBe('unverified');
    expect((await openStart(server, id, redirect())).status).toBe(200);
  });
});
