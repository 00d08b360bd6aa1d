// Charge-time 3-D Secure in the kit's server with the official SDK against the sandbox, over the
// undocumented answers of PAY.JP (`secondFinish`, `failedFinish`) and the account setting
// "3-D Secure on every token" (`tokenThreeDSecure: 'always'`).
import Payjp from 'payjp';
import Payjp3 from 'payjp3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSandbox,
  SANDBOX_PAYJP_PUBLIC_KEY as PK,
  SANDBOX_PAYJP_SECRET_KEY as SK,
  type PayjpSandboxFailedFinishCode,
  type PayjpSandboxOptions,
  type PayjpSandboxSecondFinishAnswer,
  type SandboxServer,
} from '../../src/sandbox';
import { createPayjpHandler, type PayjpClientLike, type PayjpHandlerOptions } from '../../src/server';
import { passChallenge } from './passChallenge';

const RETURN_URL = 'https://shop.example/checkout/3ds-return';
const ALICE = 'alice';
type Sdk = ReturnType<typeof Payjp>;
const SDKS: ((apibase: string) => Sdk)[] = [
  (apibase) => Payjp(SK, { apibase, timeout: 5000 }),
  (apibase) => Payjp3(SK, { apibase, timeout: 5000 }) as unknown as Sdk,
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;

/**
 * The SDK with its calls counted; `stale` makes charges.retrieve of an id answer an old snapshot
 * until this client calls its tds_finish (another process read the charge just before it was paid).
 */
function counted(sdk: Sdk) {
  const calls: string[] = [];
  const stale = new Map<string, unknown>();
  const wrap = (group: string, api: Api) =>
    new Proxy(api, {
      get(target, name: string) {
        const value = target[name];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${group}.${name}`);
          // Every read before this process's tds_finish sees the old snapshot; reads after it are fresh.
          if (group === 'charges' && name === 'tds_finish') stale.delete(args[0] as string);
          const old = group === 'charges' && name === 'retrieve' ? stale.get(args[0] as string) : undefined;
          if (old !== undefined) return Promise.resolve(old);
          return value.apply(target, args);
        };
      },
    });
  const client = { ...sdk, tokens: wrap('tokens', sdk.tokens as unknown as Api), charges: wrap('charges', sdk.charges as unknown as Api) } as unknown as PayjpClientLike;
  return { client, stale, count: (name: string) => calls.filter((call) => call === name).length };
}

async function setup(payjp: PayjpSandboxOptions, makeSdk: (apibase: string) => Sdk = SDKS[1]!, options: Partial<PayjpHandlerOptions> = {}) {
  const sandbox: SandboxServer = await createSandbox({ payjp }).listen();
  cleanups.push(() => sandbox.close());
  const sdk = makeSdk(sandbox.payjpApiBase);
  const makeHandler = () => {
    const spy = counted(sdk);
    const handler = createPayjpHandler({
      secretKey: SK,
      publicKey: PK,
      resolveCustomer: (request) => request.headers.get('x-customer'),
      resolveCharge: () => ({ amount: 3980, description: 'cart' }),
      payjp: spy.client,
      apiBase: sandbox.payjpApiBase,
      returnUrls: [RETURN_URL],
      ...options,
    });
    const call = async (path: string, body?: unknown) => {
      const response = await handler(
        new Request(`https://shop.example/api/3ds${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-customer': ALICE }, body: JSON.stringify(body ?? {}) }),
      );
      return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    return { spy, call };
  };
  const basic = `Basic ${Buffer.from(`${PK}:`).toString('base64')}`;
  /** A token as pay.js creates it (public key). */
  async function payjsToken(threeDSecure: boolean): Promise<string> {
    const response = await fetch(`${sandbox.payjpApiBase}/tokens`, {
      method: 'POST',
      headers: { Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2040', 'card[cvc]': '123', three_d_secure: String(threeDSecure) }).toString(),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }
  async function passTokenChallenge(id: string, outcome = 'verified') {
    const { json } = await makeHandler().call(`/tokens/${id}/redirect`, { returnUrl: RETURN_URL });
    expect((await passChallenge(json.url as string, outcome)).status).toBe(303);
  }
  async function finishAsPayjs(id: string) {
    expect((await fetch(`${sandbox.payjpApiBase}/tokens/${id}/tds_finish`, { method: 'POST', headers: { Authorization: basic } })).status).toBe(200);
  }
  /** Creates a charge through the handler and passes its challenge with `outcome`. */
  async function chargeThrough(outcome: string) {
    const { call } = makeHandler();
    const created = await call('/charges', { token: await payjsToken(false), order: 'cart' });
    expect(created.status).toBe(201);
    const id = created.json.charge.id as string;
    const redirect = await call(`/charges/${id}/redirect`, { returnUrl: RETURN_URL });
    expect((await passChallenge(redirect.json.url as string, outcome)).status).toBe(303);
    return id;
  }
  return { sandbox, sdk, makeHandler, payjsToken, passTokenChallenge, finishAsPayjs, chargeThrough };
}

const SECOND_FINISH: PayjpSandboxSecondFinishAnswer[] = ['invalid_three_d_secure_state', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted', 'ok'];
const FAILED_FINISH: PayjpSandboxFailedFinishCode[] = ['three_d_secure_incompleted', 'three_d_secure_failed'];

// Pairwise over (secondFinish, failedFinish, SDK).
describe.each(SECOND_FINISH.map((secondFinish, index) => ({ secondFinish, failedFinish: FAILED_FINISH[index % 2]!, sdk: index % 2 })))(
  'secondFinish $secondFinish, failedFinish $failedFinish',
  ({ secondFinish, failedFinish, sdk }) => {
    it('a finish after payment stays success, also when another process read the charge before it was paid', async () => {
      const env = await setup({ secondFinish, failedFinish }, SDKS[sdk]);
      const id = await env.chargeThrough('verified');
      const before = await env.sdk.charges.retrieve(id);
      const first = env.makeHandler();
      expect((await first.call(`/charges/${id}/finish`)).json.charge).toMatchObject({ id, paid: true, outcome: 'succeeded' });
      // The other process read the verified, unpaid charge and now calls tds_finish a second time.
      const other = env.makeHandler();
      other.spy.stale.set(id, before);
      const raced = await other.call(`/charges/${id}/finish`);
      expect(raced.status).toBe(200);
      expect(raced.json.charge).toMatchObject({ id, paid: true, outcome: 'succeeded' });
      expect(other.spy.count('charges.tds_finish')).toBe(1);
      expect((await first.call(`/charges/${id}/finish`)).json.charge.outcome).toBe('succeeded');
      expect(await env.sdk.charges.retrieve(id)).toMatchObject({ paid: true, amount: 3980 });
    });

    it('a finish on a failed charge is a typed failure, never paid, also when raced', async () => {
      const env = await setup({ secondFinish, failedFinish }, SDKS[sdk]);
      const id = await env.chargeThrough('failed');
      const { spy, call } = env.makeHandler();
      const answer = await call(`/charges/${id}/finish`);
      expect(answer.status).toBe(200);
      expect(answer.json.charge).toMatchObject({ id, paid: false, outcome: 'failed', threeDSecureStatus: 'failed' });
      expect(spy.count('charges.tds_finish')).toBe(0);
      // A process that read the charge as verified (stale) gets PAY.JP's failedFinish code: re-read, still failed.
      const other = env.makeHandler();
      other.spy.stale.set(id, { ...(await env.sdk.charges.retrieve(id)), three_d_secure_status: 'verified' });
      const raced = await other.call(`/charges/${id}/finish`);
      expect(raced.status).toBe(200);
      expect(raced.json.charge).toMatchObject({ id, paid: false, outcome: 'failed' });
      expect(await env.sdk.charges.retrieve(id)).toMatchObject({ paid: false });
    });
  },
);

describe("tokenThreeDSecure: 'always' (every token runs token 3-D Secure)", () => {
  it('a token pay.js verified and finished: the charge is created without a second challenge and is paid at once', async () => {
    const env = await setup({ tokenThreeDSecure: 'always' });
    const token = await env.payjsToken(false);
    await env.passTokenChallenge(token);
    await env.finishAsPayjs(token);
    const { spy, call } = env.makeHandler();
    const created = await call('/charges', { token, order: 'cart' });
    expect(created.status).toBe(201);
    expect(created.json.charge).toMatchObject({ paid: true, outcome: 'succeeded', amount: 3980, threeDSecureStatus: null });
    expect(spy.count('charges.tds_finish')).toBe(0);
    const charge = await env.sdk.charges.retrieve(created.json.charge.id as string);
    expect(charge).toMatchObject({ paid: true, card: { three_d_secure_status: 'verified' }, metadata: expect.objectContaining({ react3ds_customer: ALICE }) });
  });

  it('a verified token nobody finished (redirect workflow): the server finishes it once, then charges it', async () => {
    const env = await setup({ tokenThreeDSecure: 'always' });
    const token = await env.payjsToken(false);
    await env.passTokenChallenge(token, 'attempted');
    const { spy, call } = env.makeHandler();
    const created = await call('/charges', { token, order: 'cart' });
    expect(created.json.charge).toMatchObject({ paid: true, outcome: 'succeeded' });
    expect(spy.count('tokens.tds_finish')).toBe(1);
  });

  it('an unverified token (redirect workflow, challenge not done): 400 invalid_request unverified_token, nothing charged', async () => {
    const env = await setup({ tokenThreeDSecure: 'always' });
    const token = await env.payjsToken(false);
    const { spy, call } = env.makeHandler();
    const refused = await call('/charges', { token, order: 'cart' });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'invalid_request', providerCode: 'unverified_token', param: 'token' });
    expect(spy.count('charges.create')).toBe(0);
    expect(spy.count('tokens.tds_finish')).toBe(0);
    expect((await env.sdk.charges.list()).count).toBe(0);
  });

  it('a token whose 3-D Secure failed, or attempted under acceptAttempted: false: 400 with the reason, nothing charged', async () => {
    const env = await setup({ tokenThreeDSecure: 'always' }, SDKS[0], { acceptAttempted: false });
    const failed = await env.payjsToken(false);
    await env.passTokenChallenge(failed, 'failed');
    const attempted = await env.payjsToken(false);
    await env.passTokenChallenge(attempted, 'attempted');
    const { call } = env.makeHandler();
    expect((await call('/charges', { token: failed, order: 'cart' })).json.error).toMatchObject({ code: 'invalid_request', providerCode: 'three_d_secure_failed', param: 'token' });
    expect((await call('/charges', { token: attempted, order: 'cart' })).json.error).toMatchObject({ code: 'invalid_request', providerCode: 'attempted_not_accepted', param: 'token' });
    expect((await env.sdk.charges.list()).count).toBe(0);
  });

  it("'param' (default): a token without 3-D Secure still gets charge-time 3-D Secure", async () => {
    const env = await setup({});
    const created = await env.makeHandler().call('/charges', { token: await env.payjsToken(false), order: 'cart' });
    expect(created.json.charge).toMatchObject({ paid: false, outcome: 'pending', threeDSecureStatus: 'unverified' });
  });
});
