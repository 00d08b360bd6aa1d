// react-3ds-kit/testing/msw: the kit's <VerifyCardButton> in jsdom, its backend (createPayjpHandler)
// and PAY.JP (the sandbox) answered in-process through MSW, pay.js replaced by the in-memory stand-in.
import { fireEvent, render, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPayjpBackend } from '../../src/core';
import { VerifyCardButton, ThreeDSecureProvider } from '../../src/react';
import { createSandboxHandlers, SANDBOX_MSW_ORIGIN, SANDBOX_PAYJP_SECRET_KEY, SANDBOX_TEST_CARDS, TestingHelperError, withPayjs } from '../../src/testing/msw';

let customerId = '';
const sandbox = createSandboxHandlers({ payjp: { resolveCustomer: () => customerId } });
const server = setupServer(...sandbox.handlers);

/** The sandbox's PAY.JP API with the secret key, as a test's setup calls it. */
async function api<T>(path: string, form: Record<string, string>): Promise<T> {
  const response = await sandbox.fetch(
    new Request(`${sandbox.payjpApiBase}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${SANDBOX_PAYJP_SECRET_KEY}:`)}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-payjp-direct-token-generate': 'true',
      },
      body: new URLSearchParams(form).toString(),
    }),
  );
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

let cardId = '';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  const card = SANDBOX_TEST_CARDS.challenge;
  const token = await api<{ id: string }>('/tokens', { 'card[number]': card.number, 'card[exp_month]': '12', 'card[exp_year]': '2035', 'card[cvc]': card.cvc });
  const customer = await api<{ id: string; default_card: string }>('/customers', { card: token.id });
  customerId = customer.id;
  cardId = customer.default_card;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderVerify(outcome: 'verified' | 'failed' | 'abandon') {
  const payjs = sandbox.createPayjs({ origin: location.origin, outcome });
  const backend = withPayjs(createPayjpBackend({ baseUrl: '/api/payjp' }), payjs);
  render(
    <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox">
      <VerifyCardButton cardId={cardId} />
    </ThreeDSecureProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'カードの本人認証をする' }));
  return payjs;
}

describe('createSandboxHandlers + msw/node, in jsdom', () => {
  it('answers on its own origin, with PAY.JP’s API and the merchant routes', () => {
    expect(sandbox.origin).toBe(SANDBOX_MSW_ORIGIN);
    expect(sandbox.payjpApiBase).toBe(`${SANDBOX_MSW_ORIGIN}/v1`);
    expect(sandbox.handlers).toHaveLength(2);
  });

  it('the issuer verifies: the button reaches succeeded, and the sandbox holds the verified result', async () => {
    const payjs = renderVerify('verified');
    expect(await screen.findByText('カードの本人認証が完了しました。', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(payjs.challenged).toHaveLength(1);
    const [tdsr] = payjs.challenged;
    const answer = await sandbox.fetch(new Request(`${sandbox.payjpApiBase}/three_d_secure_requests/${tdsr}`, { headers: { authorization: `Basic ${btoa(`${SANDBOX_PAYJP_SECRET_KEY}:`)}` } }));
    expect(await answer.json()).toMatchObject({ state: 'finished', three_d_secure_status: 'verified' });
  });

  it('the issuer fails: the button reaches failed with three_d_secure_failed', async () => {
    renderVerify('failed');
    const alert = await screen.findByRole('alert', undefined, { timeout: 5000 });
    expect(alert).toHaveAttribute('data-error-code', 'three_d_secure_failed');
  });

  it('the shopper closes the issuer page: canceled', async () => {
    renderVerify('abandon');
    const alert = await screen.findByRole('alert', undefined, { timeout: 5000 });
    expect(alert).toHaveAttribute('data-error-code', 'canceled');
  });

  it('the in-memory pay.js says what went wrong with an unknown id', async () => {
    const payjs = sandbox.createPayjs();
    await expect(payjs.openThreeDSecureIframe('tdsr_nope')).rejects.toMatchObject({ name: 'TestingHelperError', code: 'challenge_failed', message: expect.stringContaining('tdsr_nope') });
    expect(() => payjs.setOutcome('pass' as never)).toThrow(TestingHelperError);
  });
});
