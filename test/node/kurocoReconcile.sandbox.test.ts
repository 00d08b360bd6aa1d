import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { createSandbox, type SandboxServer } from '../../src/sandbox';
import { createMemoryLedgerStore, reconcileKurocoOrders, type KurocoOrderReport } from '../../src/server';

/** The Kuroco reconcile helper against the sandbox's order-details API, over real HTTP. */

let sandbox: SandboxServer;
let counter = 0;
beforeAll(async () => {
  sandbox = await createSandbox({ kuroco: { frontendOrigin: 'http://shop.test' } }).listen();
});
afterAll(() => sandbox.close());

const backend = () => createKurocoBackend({ baseUrl: sandbox.url, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/order/3dsec/' });

/** The ACS form as a browser would submit it (test-only regex over the sandbox's own HTML: node has no DOMParser). */
function parseForm(acsHtml: string): { action: string; fields: [string, string][] } {
  const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const action = /<form name="submitForm" action="([^"]*)" method="POST">/.exec(acsHtml)?.[1];
  if (action === undefined) throw new Error('no submitForm');
  const fields = [...acsHtml.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((match): [string, string] => [decode(match[1] ?? ''), decode(match[2] ?? '')]);
  return { action: decode(action), fields };
}

/** A 3-D Secure order whose shopper passed (or failed) the challenge and never came back to the shop. */
async function abandonedOrder(outcome: 'pass' | 'fail' | 'pass_auth_fail'): Promise<number> {
  counter += 1;
  const result = await backend().purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_reconcile${String(counter).padStart(8, '0')}` });
  const form = parseForm(result.acsHtml ?? '');
  const connector = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields), redirect: 'manual' });
  const session = new URL(connector.headers.get('location') ?? '', sandbox.url).searchParams.get('session') ?? '';
  const completed = await fetch(`${sandbox.url}/paygent/3ds/challenge/complete`, { method: 'POST', body: new URLSearchParams({ session, outcome }), redirect: 'manual' });
  expect(completed.status).toBe(303);
  return result.orderIds[0]!;
}

/** A bank-transfer order: Kuroco keeps it `unpaid`, which reads as still pending. */
async function unpaidOrder(): Promise<number> {
  const result = await backend().purchase({ product_id: 41201, quantity: 1, ec_payment_id: 59 });
  return result.orderIds[0]!;
}

describe('reconcileKurocoOrders (sandbox)', () => {
  it('reports each order as paid, failed or still pending, and each once', async () => {
    const paid = await abandonedOrder('pass');
    const failed = await abandonedOrder('fail');
    const authFailed = await abandonedOrder('pass_auth_fail');
    const pending = await unpaidOrder();
    const reports: KurocoOrderReport[] = [];
    const result = await reconcileKurocoOrders({ backend: backend(), orderIds: [paid, failed, authFailed, pending, paid], onOrder: (report) => void reports.push(report) });
    expect(reports).toEqual([
      { orderId: paid, status: 'paid' },
      { orderId: failed, status: 'failed' },
      { orderId: authFailed, status: 'failed' },
      { orderId: pending, status: 'pending' },
    ]);
    expect(result).toEqual({ paid: [paid], failed: [failed, authFailed], pending: [pending], alreadyReported: [], errors: [] });
  });

  it('idempotent with a store: a second run reports no final outcome again, only what is still pending', async () => {
    const store = createMemoryLedgerStore();
    const paid = await abandonedOrder('pass');
    const pending = await unpaidOrder();
    const first: KurocoOrderReport[] = [];
    await reconcileKurocoOrders({ backend: backend(), orderIds: [paid, pending], store, onOrder: (report) => void first.push(report) });
    const second: KurocoOrderReport[] = [];
    const again = await reconcileKurocoOrders({ backend: backend(), orderIds: [paid, pending], store, onOrder: (report) => void second.push(report) });
    expect(first.map((report) => report.status)).toEqual(['paid', 'pending']);
    expect(second).toEqual([{ orderId: pending, status: 'pending' }]);
    expect(again.alreadyReported).toEqual([paid]);
  });

  it('a failing onOrder reports the order again next run', async () => {
    const store = createMemoryLedgerStore();
    const paid = await abandonedOrder('pass');
    await expect(reconcileKurocoOrders({ backend: backend(), orderIds: [paid], store, onOrder: () => Promise.reject(new Error('mail server down')) })).rejects.toThrow('mail server down');
    const reports: KurocoOrderReport[] = [];
    await reconcileKurocoOrders({ backend: backend(), orderIds: [paid], store, onOrder: (report) => void reports.push(report) });
    expect(reports).toEqual([{ orderId: paid, status: 'paid' }]);
  });

  it('an unknown order, a bad id and a wrong token are errors with their codes, and the run goes on', async () => {
    const paid = await abandonedOrder('pass');
    const result = await reconcileKurocoOrders({ backend: backend(), orderIds: [999_999, -1, paid], onOrder: () => undefined });
    expect(result.errors).toEqual([expect.objectContaining({ orderId: 999_999, code: 'not_found' }), { orderId: -1, code: 'invalid_request' }]);
    expect(result.paid).toEqual([paid]);
    const wrong = createKurocoBackend({ baseUrl: sandbox.url, auth: { type: 'token', token: 'nope' }, returnPath: '/r' });
    const refused = await reconcileKurocoOrders({ backend: wrong, orderIds: [paid], onOrder: () => undefined });
    expect(refused.errors).toEqual([expect.objectContaining({ orderId: paid, code: 'unauthorized' })]);
  });
});
