import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAcsHtml } from '../../src/core/acs/parseAcsHtml';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { createSandbox, type SandboxServer } from '../../src/sandbox/createSandbox';

// The kit against the sandbox over real HTTP, for both shapes Kuroco might send `out_acs_html` in.
describe.each(['document', 'form'] as const)('Kuroco purchase → ACS form, out_acs_html as a %s', (acsHtml) => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await createSandbox({ kuroco: { acsHtml, frontendOrigin: 'http://shop.test' } }).listen();
  });
  afterAll(() => sandbox.close());

  const backend = () =>
    createKurocoBackend({ baseUrl: sandbox.url, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/order/3dsec/' });

  it('parses the answer into the connector form and the connector accepts exactly those fields', async () => {
    const result = await backend().purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${'a'.repeat(20)}${acsHtml}` });
    expect(result.orderIds).toHaveLength(1);
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const form = parseAcsHtml(result.acsHtml ?? '', { allowedActionOrigins: [sandbox.url] });
    expect(form.action).toBe(`${sandbox.url}/paygent/3ds/connector`);
    expect(form.method).toBe('POST');
    expect(form.fields.map(([name]) => name)).toEqual(['tds_session_ref', 'tds_trans_id', 'tds_browser_nonce', 'tds_message_version']);

    const posted = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields), redirect: 'manual' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toContain('/paygent/3ds/challenge');
    expect(await backend().getPaymentStatus(result.orderIds[0]!)).toBe('failed');
  });

  it('refuses the sandbox action when its origin is not listed (http is only for listed loopback origins)', async () => {
    const result = await backend().purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${'b'.repeat(20)}${acsHtml}` });
    expect(() => parseAcsHtml(result.acsHtml ?? '')).toThrow(expect.objectContaining({ code: 'acs_action_not_allowed' }));
  });

  it('maps the mixed-order 422 and keeps the request id', async () => {
    const error = await backend()
      .purchase({ order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 41401, quantity: 1 }], ec_payment_id: 58, card_token: `tok_${'c'.repeat(20)}` })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'kuroco_mixed_order', status: 422, providerCode: 'unprocessable_entity' });
    expect((error as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports a wrong access token as unauthorized', async () => {
    const wrong = createKurocoBackend({ baseUrl: sandbox.url, auth: { type: 'token', token: 'nope' }, returnPath: '/r' });
    await expect(wrong.getPaymentStatus(1)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});
