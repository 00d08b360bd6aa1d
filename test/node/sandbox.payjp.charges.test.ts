// Charges on the PAY.JP stand-in through both official SDKs: immediate charges, PAY.JP's
// charge-time decline numbers, and charge-time 3-D Secure (unverified → start page → outcome →
// tds_finish), with its 400 codes and a fake clock for expiry.
import { describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../src/sandbox';
import { api, card, complete, customerCard, DIRECT, failure, jws, listen, openStart, PK, SDKS, SK, type PayjpClient } from './sandbox.payjp.support';

const BACK = 'https://shop.example/3ds/return?order=42';
const redirect = () => ({ publickey: PK, back_url: jws({ url: BACK }, SK) });

function fakeClock(start = Date.UTC(2030, 0, 1)) {
  const clock = { now: start, advance: (ms: number) => (clock.now += ms), read: () => clock.now };
  return clock;
}

async function tokenOf(payjp: PayjpClient, number = '4242424242424242'): Promise<string> {
  return (await payjp.tokens.create({ card: card(number) }, DIRECT)).id;
}

/** Opens the charge's start page (redirect workflow) and chooses `outcome`. */
async function authenticate(server: SandboxServer, id: string, outcome = 'verified') {
  const start = await openStart(server, id, redirect());
  expect(start.status).toBe(200);
  if (!start.context) throw new Error('no challenge context');
  return complete(server, id, start.context, outcome);
}

describe.each(SDKS)('$name', (sdk) => {
  it('charges a token at once (paid, captured) and answers the SDK Charge shape', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const token = await tokenOf(payjp);
    const charge = await payjp.charges.create({ amount: 1200, currency: 'jpy', card: token, description: 'order 42', metadata: { order: '42' } });
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 1200,
      currency: 'jpy',
      paid: true,
      captured: true,
      captured_at: expect.any(Number),
      expired_at: null,
      customer: null,
      description: 'order 42',
      failure_code: null,
      failure_message: null,
      metadata: { order: '42' },
      three_d_secure_status: null,
      livemode: false,
      refunded: false,
      amount_refunded: 0,
      card: { object: 'card', brand: 'Visa', last4: '4242', name: 'TARO YAMADA', three_d_secure_status: null },
    });
    expect(charge.id).toMatch(/^ch_[0-9a-f]{30}$/);
    expect(await payjp.charges.retrieve(charge.id)).toEqual(charge);
    const list = await payjp.charges.list({ limit: 5 });
    expect(list).toMatchObject({ object: 'list', count: 1, has_more: false, url: '/v1/charges' });
    expect(list.data[0]?.id).toBe(charge.id);
    // The token is used up.
    const again = await failure(sdk, () => payjp.charges.create({ amount: 1200, currency: 'jpy', card: token }));
    expect(again.error).toMatchObject({ status: 400, code: 'token_already_used', param: 'card' });
  });

  it('authorises with capture=false (expired_at from expiry_days) and refuses expiry_days with capture', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read } });
    const payjp = sdk.create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp), capture: false, expiry_days: 3 });
    expect(charge).toMatchObject({ paid: true, captured: false, captured_at: null, expired_at: Math.floor(clock.now / 1000) + 3 * 86400 });
    const unnecessary = await failure(sdk, () => payjp.charges.create({ amount: 500, currency: 'jpy', card: 'tok_x', expiry_days: 3 }));
    expect(unnecessary.error).toMatchObject({ status: 400, code: 'unnecessary_expiry_days', param: 'expiry_days' });
  });

  it('charges a customer: its default card, or car_… of that customer', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const { customerId, cardId } = await customerCard(server);
    const byDefault = await payjp.charges.create({ amount: 800, currency: 'jpy', customer: customerId });
    expect(byDefault).toMatchObject({ paid: true, customer: customerId, card: { id: cardId, customer: customerId } });
    const byCard = await payjp.charges.create({ amount: 900, currency: 'jpy', customer: customerId, card: cardId });
    expect(byCard.card?.id).toBe(cardId);
    const other = await customerCard(server);
    const foreign = await failure(sdk, () => payjp.charges.create({ amount: 900, currency: 'jpy', customer: customerId, card: other.cardId }));
    expect(foreign.error).toMatchObject({ status: 404, code: 'invalid_id', param: 'card' });
    const filtered = await payjp.charges.list({ customer: other.customerId } as never);
    expect(filtered.count).toBe(0);
  });

  it.each([
    ['amount below 50', { amount: 49, currency: 'jpy' }, 'invalid_amount', 'amount'],
    ['amount above 9,999,999', { amount: 10_000_000, currency: 'jpy' }, 'invalid_amount', 'amount'],
    ['no amount', { currency: 'jpy' }, 'missing_param', 'amount'],
    ['another currency', { amount: 500, currency: 'usd' }, 'invalid_currency', 'currency'],
    ['no currency', { amount: 500 }, 'missing_param', 'currency'],
  ])('refuses %s', async (_name, params, code, param) => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const token = await tokenOf(payjp);
    const result = await failure(sdk, () => payjp.charges.create({ ...params, card: token } as never));
    expect(result.error).toMatchObject({ status: 400, type: 'client_error', code, param });
  });

  it('refuses a charge without card or customer, an unknown token, and the public key', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    expect((await failure(sdk, () => payjp.charges.create({ amount: 500, currency: 'jpy' }))).error).toMatchObject({ code: 'missing_param', param: 'card' });
    expect((await failure(sdk, () => payjp.charges.create({ amount: 500, currency: 'jpy', card: 'tok_nope' }))).error).toMatchObject({ status: 404, code: 'invalid_id' });
    const publicKey = await api(server, 'POST', '/charges', { amount: '500', currency: 'jpy', card: 'tok_x' }, PK);
    expect(publicKey.status).toBe(401);
  });

  it.each([
    ['4000000000080319', 500, 'card_declined'],
    ['4000000000004012', 500, 'expired_card'],
    ['4000000000080202', 10_001, 'card_declined'],
  ])('declines %s (¥%i) with 402 %s and the charge id', async (number, amount, code) => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const token = await tokenOf(payjp, number);
    const result = await failure(sdk, () => payjp.charges.create({ amount, currency: 'jpy', card: token }));
    expect(result.status).toBe(402);
    expect(result.error).toMatchObject({ status: 402, type: 'card_error', code, charge: expect.stringMatching(/^ch_/) });
    const chargeId = (result.error as { charge?: string }).charge ?? '';
    expect(await payjp.charges.retrieve(chargeId)).toMatchObject({ paid: false, captured: false, failure_code: code, failure_message: expect.any(String) });
  });

  it('charges 4000000000080202 up to ¥10,000', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 10_000, currency: 'jpy', card: await tokenOf(payjp, '4000000000080202') });
    expect(charge.paid).toBe(true);
  });

  it('3-D Secure: unverified → start page → verified → tds_finish pays; a second finish is refused', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read } });
    const payjp = sdk.create(SK, server.payjpApiBase);
    const created = await payjp.charges.create({ amount: 3000, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true, capture: true });
    expect(created).toMatchObject({ paid: false, captured: false, captured_at: null, expired_at: null, three_d_secure_status: 'unverified', failure_code: null });

    const early = await failure(sdk, () => payjp.charges.tds_finish(created.id));
    expect(early.error).toMatchObject({ status: 400, code: 'three_d_secure_incompleted' });

    clock.advance(60_000);
    const done = await authenticate(server, created.id, 'verified');
    expect(done).toMatchObject({ status: 303, location: BACK });
    expect(await payjp.charges.retrieve(created.id)).toMatchObject({ paid: false, three_d_secure_status: 'verified' });

    clock.advance(5_000);
    const finished = await payjp.charges.tds_finish(created.id);
    expect(finished).toMatchObject({ id: created.id, paid: true, captured: true, captured_at: Math.floor(clock.now / 1000), three_d_secure_status: 'verified' });

    const second = await failure(sdk, () => payjp.charges.tds_finish(created.id));
    expect(second.error).toMatchObject({ status: 400, type: 'client_error', code: 'invalid_three_d_secure_state' });
    // The start page knows it is over.
    expect((await openStart(server, created.id, redirect())).status).toBe(409);
  });

  it('3-D Secure: attempted finishes (authorisation when capture=false); failed and error cannot', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const attempted = await payjp.charges.create({ amount: 700, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true, capture: false });
    await authenticate(server, attempted.id, 'attempted');
    expect(await payjp.charges.tds_finish(attempted.id)).toMatchObject({ paid: true, captured: false, expired_at: expect.any(Number), three_d_secure_status: 'attempted' });
    for (const outcome of ['failed', 'error']) {
      const charge = await payjp.charges.create({ amount: 700, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true });
      await authenticate(server, charge.id, outcome);
      expect((await payjp.charges.retrieve(charge.id)).three_d_secure_status).toBe(outcome);
      const refused = await failure(sdk, () => payjp.charges.tds_finish(charge.id));
      expect(refused.error).toMatchObject({ status: 400, code: 'three_d_secure_incompleted' });
    }
  });

  it('3-D Secure on a customer card, and the frictionless sandbox cards', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const { customerId } = await customerCard(server, '4000000000003055');
    const charge = await payjp.charges.create({ amount: 1500, currency: 'jpy', customer: customerId, three_d_secure: true });
    const start = await openStart(server, charge.id, redirect());
    expect(start.page).toContain('data-frictionless="verified"');
    await complete(server, charge.id, start.context ?? '', 'failed'); // the card decides
    expect(await payjp.charges.tds_finish(charge.id)).toMatchObject({ paid: true, customer: customerId, three_d_secure_status: 'verified' });
  });

  it('3-D Secure: a charge-time decline number fails at tds_finish with 402 and the charge id', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp, '4000000000080319'), three_d_secure: true });
    expect(charge.paid).toBe(false);
    await authenticate(server, charge.id);
    const declined = await failure(sdk, () => payjp.charges.tds_finish(charge.id));
    expect(declined.status).toBe(402);
    expect(declined.error).toMatchObject({ type: 'card_error', code: 'card_declined', charge: charge.id });
    expect(await payjp.charges.retrieve(charge.id)).toMatchObject({ paid: false, failure_code: 'card_declined', three_d_secure_status: 'verified' });
    expect((await failure(sdk, () => payjp.charges.tds_finish(charge.id))).error?.code).toBe('invalid_three_d_secure_state');
  });

  it('refuses tds_finish on a charge created without 3-D Secure, and its start page', async () => {
    const server = await listen();
    const payjp = sdk.create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp) });
    const result = await failure(sdk, () => payjp.charges.tds_finish(charge.id));
    expect(result.error).toMatchObject({ status: 400, code: 'not_in_three_d_secure_flow' });
    const start = await openStart(server, charge.id, redirect());
    expect(start.status).toBe(400);
    expect(start.page).toContain('data-error="not_in_three_d_secure_flow"');
    expect((await failure(sdk, () => payjp.charges.tds_finish('ch_nope'))).status).toBe(404);
  });

  it('expires the 3-D Secure flow chargeExpiryMs after creation (default 30 minutes)', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read } });
    const payjp = sdk.create(SK, server.payjpApiBase);
    const late = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true });
    await authenticate(server, late.id);
    clock.advance(30 * 60 * 1000 + 1);
    const expired = await failure(sdk, () => payjp.charges.tds_finish(late.id));
    expect(expired.error).toMatchObject({ status: 400, code: 'three_d_secure_expired' });

    const never = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true });
    clock.advance(30 * 60 * 1000 + 1);
    const start = await openStart(server, never.id, redirect());
    expect(start.status).toBe(400);
    expect(start.page).toContain('data-error="three_d_secure_expired"');
    expect(await payjp.charges.retrieve(never.id)).toMatchObject({ paid: false, three_d_secure_status: 'unverified' });
    expect((await failure(sdk, () => payjp.charges.tds_finish(never.id))).error?.code).toBe('three_d_secure_expired');
  });

  it('takes a shorter chargeExpiryMs', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, chargeExpiryMs: 1000 } });
    const payjp = sdk.create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true });
    await authenticate(server, charge.id);
    clock.advance(1001);
    expect((await failure(sdk, () => payjp.charges.tds_finish(charge.id))).error?.code).toBe('three_d_secure_expired');
  });
});

describe('charge 3-D Secure through the pay.js workflows', () => {
  it('shows the challenge for a ch_ id with workflow=iframe and tells pay.js when done', async () => {
    const server = await listen();
    const payjp = SDKS[1].create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true });
    const start = await openStart(server, charge.id, { publickey: PK, workflow: 'iframe', origin: 'https://shop.example' });
    expect(start.page).toContain(`data-payjp-sandbox-challenge="${charge.id}"`);
    const done = await complete(server, charge.id, start.context ?? '', 'verified');
    expect(done.page).toContain('data-type="three-d-secure-complete"');
    expect(done.page).toContain('data-origin="https://shop.example"');
    expect((await payjp.charges.tds_finish(charge.id)).paid).toBe(true);
  });

  it('the slow outcome keeps the charge unverified until the result lands', async () => {
    const clock = fakeClock();
    const server = await listen({ payjp: { now: clock.read, slowIssuerMs: 4000 } });
    const payjp = SDKS[1].create(SK, server.payjpApiBase);
    const charge = await payjp.charges.create({ amount: 500, currency: 'jpy', card: await tokenOf(payjp), three_d_secure: true });
    await authenticate(server, charge.id, 'slow');
    expect((await payjp.charges.retrieve(charge.id)).three_d_secure_status).toBe('unverified');
    expect((await failure(SDKS[1], () => payjp.charges.tds_finish(charge.id))).error?.code).toBe('three_d_secure_incompleted');
    clock.advance(4000);
    expect((await payjp.charges.tds_finish(charge.id)).paid).toBe(true);
  });
});
