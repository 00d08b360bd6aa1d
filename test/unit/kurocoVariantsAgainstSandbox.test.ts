// The kit's Kuroco flow against the sandbox's Kuroco / Paygent variants, over real HTTP:
// `authFailureStatus: 403` (Kuroco's FAQ names 401 and 403), and the Paygent connector's
// `authentication: 'frictionless'` (back within ~1 s, before Kuroco updated the order) and
// `'stranded'` (Paygent's own error page, the shopper never returns).
import { afterEach, describe, expect, it } from 'vitest';
import { parseAcsHtml } from '../../src/core/acs/parseAcsHtml';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { purchaseWithThreeDSecure } from '../../src/core/kuroco/purchaseWithThreeDSecure';
import { createKurocoReturnFlow } from '../../src/core/return/kurocoReturnStrategy';
import type { ReturnFlow, ThreeDSecureReturnState } from '../../src/core/return/createReturnFlow';
import { createSandbox, type KurocoSandboxOptions, type SandboxServer } from '../../src/sandbox/createSandbox';

const servers: SandboxServer[] = [];
afterEach(async () => {
  sessionStorage.clear();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function listen(kuroco: KurocoSandboxOptions): Promise<SandboxServer> {
  const server = await createSandbox({ kuroco: { frontendOrigin: 'http://shop.test', ...kuroco } }).listen();
  servers.push(server);
  return server;
}

const backendFor = (server: SandboxServer, token = 'sandbox-access-token') =>
  createKurocoBackend({ baseUrl: server.url, auth: { type: 'token', token }, returnPath: '/order/3dsec/' });

let counter = 0;
const order = () => ({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_variants${String((counter += 1)).padStart(10, '0')}` });

/** The browser's auto-submit of the ACS form; answers the connector's response. */
async function submitAcs(server: SandboxServer, acsHtml: string): Promise<Response> {
  const form = parseAcsHtml(acsHtml, { allowedActionOrigins: [server.url] });
  return fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields), redirect: 'manual' });
}

/** Runs a return flow until it is no longer checking. */
function settled(flow: ReturnFlow): Promise<ThreeDSecureReturnState> {
  return new Promise((resolve) => {
    const unsubscribe = flow.subscribe(() => {
      const state = flow.getSnapshot();
      if (state.status !== 'checking') {
        unsubscribe();
        resolve(state);
      }
    });
  });
}

describe('authFailureStatus: 403', () => {
  it('the Kuroco client reports 403 as unauthorized, like 401, on purchase and on order reads', async () => {
    const server = await listen({ authFailureStatus: 403 });
    const wrong = backendFor(server, 'nope');
    await expect(wrong.purchase(order())).rejects.toMatchObject({ code: 'unauthorized', status: 403, providerCode: 'forbidden' });
    await expect(wrong.getPaymentStatus(1001)).rejects.toMatchObject({ code: 'unauthorized', status: 403 });
  });

  it('the return flow stops on 403 as on 401: unauthorized, the attempt and its order ids kept for a retry', async () => {
    for (const authFailureStatus of [401, 403] as const) {
      const server = await listen({ authFailureStatus });
      const attempts = createAttemptStore(sessionStorage);
      const result = await purchaseWithThreeDSecure(backendFor(server), order(), attempts);
      // The session is gone when the shopper comes back (Safari's cross-site cookie loss, say).
      const flow = createKurocoReturnFlow({ backend: backendFor(server, 'expired-token'), attempts, url: 'http://shop.test/order/3dsec/', pollDelaysMs: [0, 10, 10] });
      const state = await settled(flow);
      expect(state, String(authFailureStatus)).toMatchObject({ status: 'failed', error: { code: 'unauthorized', status: authFailureStatus }, orderIds: result.orderIds });
      expect(attempts.load()).toMatchObject({ provider: 'kuroco', orderIds: result.orderIds });
      expect(attempts.load()).not.toHaveProperty('outcome');
      sessionStorage.clear();
    }
  });
});

describe("authentication: 'frictionless'", () => {
  it('back within about 1 s, before Kuroco updated the order: the return flow keeps reading and ends in success', async () => {
    const server = await listen({ authentication: 'frictionless', statusDelayMs: 400 });
    const attempts = createAttemptStore(sessionStorage);
    const backend = backendFor(server);
    const result = await purchaseWithThreeDSecure(backend, order(), attempts);
    const connector = await submitAcs(server, result.acsHtml ?? '');
    expect(connector.status).toBe(200);
    const back = /^1; url=(.+)$/.exec(connector.headers.get('refresh') ?? '')?.[1] ?? '';
    expect(back).toBe('http://shop.test/order/3dsec/');
    // The first read sees 決済失敗: the update has not landed yet.
    expect(await backend.getPaymentStatus(result.orderIds[0]!)).toBe('failed');
    const flow = createKurocoReturnFlow({ backend, attempts, url: back, cleanUrl: false, pollDelaysMs: [0, 100, 200, 300, 500] });
    expect(await settled(flow)).toMatchObject({ status: 'succeeded', orderIds: result.orderIds });
    expect(attempts.load()).toMatchObject({ outcome: { status: 'succeeded' } });
  });
});

describe("authentication: 'stranded'", () => {
  it("Paygent's error page never sends the shopper back: the attempt stays saved with its order ids, unsettled", async () => {
    const server = await listen({ authentication: 'stranded' });
    const attempts = createAttemptStore(sessionStorage);
    const backend = backendFor(server);
    const result = await purchaseWithThreeDSecure(backend, order(), attempts);
    const connector = await submitAcs(server, result.acsHtml ?? '');
    expect(connector.status).toBe(200);
    expect(connector.headers.get('location')).toBeNull();
    expect(connector.headers.get('refresh')).toBeNull();
    expect(await connector.text()).not.toContain('/order/3dsec/');
    // Nothing is lost: a later visit in this tab finds the attempt and its orders (still unpaid).
    const saved = createAttemptStore(sessionStorage).load();
    expect(saved).toMatchObject({ provider: 'kuroco', orderIds: result.orderIds });
    expect(saved).not.toHaveProperty('outcome');
    expect(await backend.getPaymentStatus(result.orderIds[0]!)).toBe('failed');
  });
});
