// Token 3-D Secure in the kit's server (POST /tokens/{id}/finish and assertTokenVerified) with both
// official SDKs against the sandbox, over every `secondFinish` answer PAY.JP might give: the kit
// decides "already finished" and "expired" by re-reading the token (status, age against 30
// minutes), never by one error code, and runs tds_finish only once a result has landed (F10).
import Payjp from 'payjp';
import Payjp3 from 'payjp3';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY as PK, SANDBOX_PAYJP_SECRET_KEY as SK, type PayjpSandboxSecondFinishAnswer, type SandboxServer } from '../../src/sandbox';
import { assertTokenVerified, createPayjpHandler, type PayjpClientLike } from '../../src/server';
import { passChallenge } from './passChallenge';

const SECOND_FINISH: PayjpSandboxSecondFinishAnswer[] = ['invalid_three_d_secure_state', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted', 'ok'];
const SDKS = [
  ['payjp 2.3.0', (apibase: string) => Payjp(SK, { apibase, timeout: 5000 })],
  ['payjp 3.1.2', (apibase: string) => Payjp3(SK, { apibase, timeout: 5000 }) as unknown as ReturnType<typeof Payjp>],
] as const;
const RETURN_URL = 'https://shop.example/checkout/3ds-return';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The official SDK, with a count of every call the kit makes through it. */
function counted(sdk: ReturnType<typeof Payjp>) {
  const calls: string[] = [];
  const tokens = sdk.tokens as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const charges = sdk.charges as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const wrap = (group: string, api: Record<string, (...args: unknown[]) => Promise<unknown>>) =>
    new Proxy(api, {
      get(target, name: string) {
        const value = target[name];
        return typeof value === 'function'
          ? (...args: unknown[]) => {
              calls.push(`${group}.${name}`);
              return value.apply(target, args);
            }
          : value;
      },
    });
  const client = { ...sdk, tokens: wrap('tokens', tokens), charges: wrap('charges', charges) } as unknown as PayjpClientLike;
  return { client, calls, count: (name: string) => calls.filter((call) => call === name).length };
}

async function setup(secondFinish: PayjpSandboxSecondFinishAnswer, makeSdk: (apibase: string) => ReturnType<typeof Payjp>) {
  const clock = { now: Date.UTC(2030, 0, 15, 3, 0, 0) };
  const sandbox: SandboxServer = await createSandbox({ payjp: { secondFinish, now: () => clock.now } }).listen();
  cleanups.push(() => sandbox.close());
  const sdk = makeSdk(sandbox.payjpApiBase);
  const makeHandler = () => {
    const spy = counted(sdk);
    const handler = createPayjpHandler({
      secretKey: SK,
      publicKey: PK,
      resolveCustomer: () => 'cus_any',
      payjp: spy.client,
      apiBase: sandbox.payjpApiBase,
      returnUrls: [RETURN_URL],
      now: () => clock.now,
    });
    const call = async (path: string, body?: unknown) => {
      const response = await handler(
        new Request(`https://shop.example/api/3ds${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }),
      );
      return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    return { spy, call };
  };
  /** A token as pay.js creates it with three_d_secure: true (public key). */
  async function newToken(): Promise<string> {
    const response = await fetch(`${sandbox.payjpApiBase}/tokens`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${PK}:`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2040', 'card[cvc]': '123', three_d_secure: 'true' }).toString(),
    });
    return ((await response.json()) as { id: string }).id;
  }
  /** The shopper passes the token's challenge in the redirect workflow (nothing finished yet). */
  async function authenticate(id: string, outcome = 'verified') {
    const { call } = makeHandler();
    const { json } = await call(`/tokens/${id}/redirect`, { returnUrl: RETURN_URL });
    expect((await passChallenge(json.url as string, outcome)).status).toBe(303);
  }
  /** What pay.js does itself in the iframe and sub-window workflows: tds_finish with the public key. */
  async function finishAsPayjs(id: string) {
    const response = await fetch(`${sandbox.payjpApiBase}/tokens/${id}/tds_finish`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`${PK}:`).toString('base64')}` } });
    expect(response.status).toBe(200);
  }
  const chargeWith = (id: string) => sdk.charges.create({ amount: 1000, currency: 'jpy', card: id });
  return { clock, sdk, makeHandler, newToken, authenticate, finishAsPayjs, chargeWith };
}

async function rejection(call: Promise<unknown>): Promise<ThreeDSecureError> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(ThreeDSecureError);
    return error as ThreeDSecureError;
  }
  throw new Error('expected a rejection');
}

// Pairwise: each secondFinish answer with each SDK.
describe.each(SECOND_FINISH.flatMap((answer) => SDKS.map(([name, make]) => ({ answer, name, make }))))('secondFinish $answer, $name', ({ answer, make }) => {
  it('redirect workflow: the server finishes once; a second process and a repeat still answer succeeded; the token charges', async () => {
    const env = await setup(answer, make);
    const id = await env.newToken();
    await env.authenticate(id);
    const first = env.makeHandler();
    expect((await first.call(`/tokens/${id}/finish`)).json.token).toEqual({ id, threeDSecureStatus: 'verified', outcome: 'succeeded' });
    expect((await first.call(`/tokens/${id}/finish`)).json.token.outcome).toBe('succeeded');
    expect(first.spy.count('tokens.tds_finish')).toBe(1);
    // Another process (or a restart) gets PAY.JP's second-finish answer, whatever it is.
    const other = env.makeHandler();
    expect((await other.call(`/tokens/${id}/finish`)).json.token).toEqual({ id, threeDSecureStatus: 'verified', outcome: 'succeeded' });
    await expect(assertTokenVerified(other.spy.client, id, { now: () => env.clock.now })).resolves.toMatchObject({ id });
    expect(await env.chargeWith(id)).toMatchObject({ paid: true });
  });

  it('iframe / sub-window workflow: pay.js finished the token; the server and assertTokenVerified answer it verified', async () => {
    const env = await setup(answer, make);
    const id = await env.newToken();
    await env.authenticate(id, 'attempted');
    await env.finishAsPayjs(id);
    const { call } = env.makeHandler();
    expect((await call(`/tokens/${id}/finish`)).json.token).toEqual({ id, threeDSecureStatus: 'attempted', outcome: 'succeeded' });
    await expect(assertTokenVerified(env.makeHandler().spy.client, id, { now: () => env.clock.now })).resolves.toMatchObject({ id });
    expect((await rejection(assertTokenVerified(env.makeHandler().spy.client, id, { acceptAttempted: false, now: () => env.clock.now }))).code).toBe('attempted_not_accepted');
  });

  it('past 30 minutes: an unfinished token reads expired by its age; a finished one too, unless PAY.JP answers its finish with 200', async () => {
    const env = await setup(answer, make);
    const finished = await env.newToken();
    await env.authenticate(finished);
    await env.finishAsPayjs(finished);
    const open = await env.newToken();
    await env.authenticate(open);
    const never = await env.newToken();
    env.clock.now += 30 * 60 * 1000 + 1000;
    const { call } = env.makeHandler();
    for (const id of [open, never]) {
      expect((await call(`/tokens/${id}/finish`)).json.token, id).toMatchObject({ id, outcome: 'expired' });
      expect((await rejection(assertTokenVerified(env.makeHandler().spy.client, id, { now: () => env.clock.now }))).code, id).toBe('expired');
    }
    // A refused finish past the window cannot be told from an expired flow: the safe answer is
    // expired (the shopper makes a new token). A 200 says the token is finished: it is usable.
    if (answer === 'ok') {
      expect((await call(`/tokens/${finished}/finish`)).json.token).toMatchObject({ outcome: 'succeeded' });
      expect(await env.chargeWith(finished)).toMatchObject({ paid: true });
    } else {
      expect((await call(`/tokens/${finished}/finish`)).json.token).toMatchObject({ outcome: 'expired' });
    }
  });
});

describe('F10: tds_finish only once a result has landed', () => {
  it('an unverified token polled 20 times costs 0 tds_finish calls; once verified, exactly 1', async () => {
    const env = await setup('invalid_three_d_secure_state', SDKS[1][1]);
    const id = await env.newToken();
    const { spy, call } = env.makeHandler();
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(`/tokens/${id}/finish`)));
    expect(answers.map((answer) => answer.json.token.outcome)).toEqual(Array(20).fill('pending'));
    expect(spy.count('tokens.tds_finish')).toBe(0);
    expect(spy.count('tokens.retrieve')).toBe(20);
    expect((await rejection(assertTokenVerified(spy.client, id, { now: () => env.clock.now }))).code).toBe('three_d_secure_failed');
    expect(spy.count('tokens.tds_finish')).toBe(0);
    await env.authenticate(id);
    await Promise.all(Array.from({ length: 5 }, () => call(`/tokens/${id}/finish`)));
    expect(spy.count('tokens.tds_finish')).toBe(1);
  });

  it.each(['failed', 'error'])('a %s token is read, never finished', async (outcome) => {
    const env = await setup('ok', SDKS[0][1]);
    const id = await env.newToken();
    await env.authenticate(id, outcome);
    const { spy, call } = env.makeHandler();
    expect((await call(`/tokens/${id}/finish`)).json.token).toEqual({ id, threeDSecureStatus: outcome, outcome: 'failed' });
    expect((await rejection(assertTokenVerified(spy.client, id))).code).toBe('three_d_secure_failed');
    expect(spy.count('tokens.tds_finish')).toBe(0);
  });
});
