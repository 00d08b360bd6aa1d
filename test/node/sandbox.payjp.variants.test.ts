// The PAY.JP stand-in's variant options for what PAY.JP leaves undocumented: the answer to a second
// tds_finish (`secondFinish`), tds_finish on a failed flow (`failedFinish`), the account setting
// "3-D Secure on every token" (`tokenThreeDSecure`) and the rate limit (`rateLimit`, 429).
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxServer } from '../../src/sandbox';
import { api, card, complete, DIRECT, failure, jws, listen, openStart, PK, SDKS, SK, type PayjpClient } from './sandbox.payjp.support';

const redirect = () => ({ publickey: PK, back_url: jws({ url: 'https://shop.example/3ds/back' }, SK) });

async function authenticate(server: SandboxServer, id: string, outcome = 'verified') {
  const start = await openStart(server, id, redirect());
  expect(start.status).toBe(200);
  return complete(server, id, start.context ?? '', outcome);
}

async function tdsCharge(payjp: PayjpClient, amount = 1000) {
  const token = await payjp.tokens.create({ card: card() }, DIRECT);
  return payjp.charges.create({ amount, currency: 'jpy', card: token.id, three_d_secure: true });
}

async function tdsToken(server: SandboxServer, threeDSecure = 'true'): Promise<Record<string, unknown>> {
  const fields = card();
  const created = await api(
    server,
    'POST',
    '/tokens',
    { 'card[number]': fields.number, 'card[exp_month]': '12', 'card[exp_year]': '2035', 'card[cvc]': '123', three_d_secure: threeDSecure },
    PK,
  );
  expect(created.status).toBe(200);
  return created.body;
}

describe('secondFinish', () => {
  it.each(['invalid_three_d_secure_state', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted'] as const)(
    '%s: a second tds_finish on a paid charge or a finished token answers 400 with that code and changes nothing',
    async (code) => {
      const server = await listen({ payjp: { secondFinish: code } });
      for (const sdk of SDKS) {
        const payjp = sdk.create(SK, server.payjpApiBase);
        const charge = await tdsCharge(payjp);
        await authenticate(server, charge.id);
        expect(await payjp.charges.tds_finish(charge.id)).toMatchObject({ paid: true });
        expect((await failure(sdk, () => payjp.charges.tds_finish(charge.id))).error).toMatchObject({ status: 400, type: 'client_error', code });
        expect(await payjp.charges.retrieve(charge.id)).toMatchObject({ paid: true, three_d_secure_status: 'verified' });

        const token = (await tdsToken(server)).id as string;
        await authenticate(server, token, 'attempted');
        await payjp.tokens.tds_finish(token);
        expect((await failure(sdk, () => payjp.tokens.tds_finish(token))).error).toMatchObject({ status: 400, code });
        expect((await payjp.tokens.retrieve(token)).card.three_d_secure_status).toBe('attempted');
      }
    },
  );

  it("'ok': a second tds_finish answers 200 with the object as it is, and pays nothing twice", async () => {
    const server = await listen({ payjp: { secondFinish: 'ok' } });
    const payjp = SDKS[1].create(SK, server.payjpApiBase);
    const charge = await tdsCharge(payjp);
    await authenticate(server, charge.id);
    const first = await payjp.charges.tds_finish(charge.id);
    const second = await payjp.charges.tds_finish(charge.id);
    expect(second).toEqual(first);
    // A declined charge stays declined: the repeat does not run the payment again.
    const declinedToken = await payjp.tokens.create({ card: card('4000000000080319') }, DIRECT);
    const declined = await payjp.charges.create({ amount: 500, currency: 'jpy', card: declinedToken.id, three_d_secure: true });
    await authenticate(server, declined.id);
    expect((await failure(SDKS[1], () => payjp.charges.tds_finish(declined.id))).status).toBe(402);
    expect(await payjp.charges.tds_finish(declined.id)).toMatchObject({ paid: false, failure_code: 'card_declined' });

    const token = (await tdsToken(server)).id as string;
    await authenticate(server, token);
    await payjp.tokens.tds_finish(token);
    expect((await payjp.tokens.tds_finish(token)).card.three_d_secure_status).toBe('verified');
    // Still usable once.
    expect(await payjp.charges.create({ amount: 1000, currency: 'jpy', card: token })).toMatchObject({ paid: true });
  });

  it('defaults to invalid_three_d_secure_state and refuses unknown values', () => {
    expect(() => createSandbox({ payjp: { secondFinish: 'nope' as never } })).toThrow(/secondFinish/);
  });
});

describe('failedFinish', () => {
  it.each(['three_d_secure_incompleted', 'three_d_secure_failed'] as const)('%s: tds_finish on a failed or error flow answers that code, unpaid', async (code) => {
    const server = await listen({ payjp: { failedFinish: code } });
    const sdk = SDKS[0];
    const payjp = sdk.create(SK, server.payjpApiBase);
    for (const outcome of ['failed', 'error']) {
      const charge = await tdsCharge(payjp);
      await authenticate(server, charge.id, outcome);
      expect((await failure(sdk, () => payjp.charges.tds_finish(charge.id))).error).toMatchObject({ status: 400, code });
      expect(await payjp.charges.retrieve(charge.id)).toMatchObject({ paid: false, three_d_secure_status: outcome });
      const token = (await tdsToken(server)).id as string;
      await authenticate(server, token, outcome);
      expect((await failure(sdk, () => payjp.tokens.tds_finish(token))).error).toMatchObject({ status: 400, code });
    }
    // An unverified flow is still "incomplete", whatever the option.
    const open = await tdsCharge(payjp);
    expect((await failure(sdk, () => payjp.charges.tds_finish(open.id))).error?.code).toBe('three_d_secure_incompleted');
  });

  it('refuses unknown values', () => {
    expect(() => createSandbox({ payjp: { failedFinish: 'declined' as never } })).toThrow(/failedFinish/);
  });
});

describe('tokenThreeDSecure', () => {
  it("'always': every token runs token 3-D Secure, whatever three_d_secure says", async () => {
    const server = await listen({ payjp: { tokenThreeDSecure: 'always' } });
    const payjp = SDKS[1].create(SK, server.payjpApiBase);
    for (const flag of ['false', 'true']) {
      const token = await tdsToken(server, flag);
      expect((token.card as Record<string, unknown>).three_d_secure_status).toBe('unverified');
      const refused = await failure(SDKS[1], () => payjp.charges.create({ amount: 1000, currency: 'jpy', card: token.id as string }));
      expect(refused.error).toMatchObject({ status: 400, code: 'unverified_token' });
    }
    // The secret key's direct tokens too.
    const direct = await payjp.tokens.create({ card: card() }, DIRECT);
    expect(direct.card.three_d_secure_status).toBe('unverified');
    await authenticate(server, direct.id);
    await payjp.tokens.tds_finish(direct.id);
    expect(await payjp.charges.create({ amount: 1000, currency: 'jpy', card: direct.id })).toMatchObject({ paid: true, card: { three_d_secure_status: 'verified' } });
    // The flag is still checked.
    expect((await api(server, 'POST', '/tokens', { 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2035', three_d_secure: 'yes' }, PK)).status).toBe(400);
  });

  it("'param' (default): only three_d_secure=true runs it", async () => {
    const server = await listen();
    expect(((await tdsToken(server, 'false')).card as Record<string, unknown>).three_d_secure_status).toBeNull();
    expect(() => createSandbox({ payjp: { tokenThreeDSecure: 'sometimes' as never } })).toThrow(/tokenThreeDSecure/);
  });
});

describe('rateLimit', () => {
  it("past the limit, PAY.JP's 429 over_capacity in its envelope, as both SDKs surface it; the window slides", async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const server = await listen({ payjp: { rateLimit: { requests: 2, perMs: 1000 }, now: () => clock.now } });
    for (const sdk of SDKS) {
      clock.now += 5000;
      const payjp = sdk.create(SK, server.payjpApiBase);
      await payjp.charges.list();
      await payjp.charges.list();
      const limited = await failure(sdk, () => payjp.charges.list());
      expect(limited.status).toBe(429);
      expect(limited.error).toEqual({ status: 429, type: 'client_error', message: expect.any(String), code: 'over_capacity' });
      clock.now += 1001;
      expect((await payjp.charges.list()).object).toBe('list');
    }
    // Public-key calls (pay.js) count too; preflights do not.
    clock.now += 5000;
    const preflight = await fetch(`${server.payjpApiBase}/tokens`, { method: 'OPTIONS', headers: { Origin: 'http://shop.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    await tdsToken(server);
    await tdsToken(server);
    expect((await api(server, 'GET', '/charges', undefined, PK)).body.error?.code).toBe('over_capacity');
  });

  it('is off by default, and refuses a limit that cannot work', async () => {
    const server = await listen();
    const payjp = SDKS[0].create(SK, server.payjpApiBase);
    for (let i = 0; i < 5; i += 1) await payjp.charges.list();
    expect(() => createSandbox({ payjp: { rateLimit: { requests: 0, perMs: 1000 } } })).toThrow(/rateLimit/);
    expect(() => createSandbox({ payjp: { rateLimit: { requests: 1, perMs: 0 } } })).toThrow(/rateLimit/);
  });
});
