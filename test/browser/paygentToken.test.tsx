// The sandbox's stand-in PaygentToken.js in Chromium (mounted on the test server by vitest.config.ts):
// loaded by the kit's loader, tokenising through the sandbox, and the token buying through the
// sandbox's Kuroco API; then <PaygentCardForm> end to end up to the issuer's challenge page.
import { StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { createPaygentToken } from '../../src/core/paygent/createPaygentToken';
import { loadPaygentToken } from '../../src/core/paygent/loadPaygentToken';
import type { PaygentTokenConstructor, PaygentTokenResponse } from '../../src/core/paygent/types';
import { PaygentCardForm } from '../../src/react/PaygentCardForm';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';

const JS_URL = '/paygent/js/PaygentToken.js';
const PAYGENT = { merchantId: '39999', tokenGeneratePubkey: 'sandbox-token-key' };
const CARD = { card_number: '4242 4242 4242 4242', expiry: '12/35', cvc: '123', name: 'TARO YAMADA' };
const FRAME = 'paygent-form-frame';

let PaygentToken: PaygentTokenConstructor;

beforeAll(async () => {
  const loaded = await loadPaygentToken({ jsUrl: JS_URL });
  if (!loaded) throw new Error('no PaygentToken');
  PaygentToken = loaded;
});

afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll(`iframe[name="${FRAME}"]`).forEach((frame) => frame.remove());
});

function kuroco() {
  return createKurocoBackend({ baseUrl: location.origin, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/sandbox-return.html' });
}

describe('stand-in PaygentToken.js', () => {
  it('is one script tag defining window.PaygentToken, found again by the loader', async () => {
    expect(Array.from(document.scripts).filter((s) => s.src === new URL(JS_URL, location.href).href)).toHaveLength(1);
    expect((window as unknown as { PaygentToken: unknown }).PaygentToken).toBe(PaygentToken);
    await expect(loadPaygentToken({ jsUrl: JS_URL })).resolves.toBe(PaygentToken);
  });

  it('calls back with a token through the raw callback API', async () => {
    const response = await new Promise<PaygentTokenResponse>((resolve) => {
      new PaygentToken().createToken('39999', 'sandbox-token-key', { card_number: '4111111111111111', expire_year: '35', expire_month: '12', cvc: '123', name: 'TARO YAMADA' }, resolve);
    });
    expect(response.result).toBe('0000');
    expect(response.tokenizedCardObject?.token).toMatch(/^tok_[A-Za-z0-9]{26}$/);
    expect(response.tokenizedCardObject?.masked_card_number).toBe('************1111');
    expect(response.tokenizedCardObject?.valid_until).toMatch(/^\d{14}$/);
    expect(response.hc).toMatch(/^[0-9a-f]{64}$/);
  });

  it('creates CVC tokens', async () => {
    const instance = new PaygentToken();
    const response = await new Promise<PaygentTokenResponse>((resolve) => instance.createCvcToken!('39999', 'sandbox-token-key', { cvc: '123' }, resolve));
    expect(response.result).toBe('0000');
    expect(response.tokenizedCardObject?.token).toMatch(/^tok_/);
  });

  it('tokenises through createPaygentToken, and maps its errors', async () => {
    const token = await createPaygentToken(PaygentToken, PAYGENT, CARD);
    expect(token.token).toMatch(/^tok_[A-Za-z0-9]{26}$/);
    expect(token.maskedCardNumber).toBe('************4242');
    await expect(createPaygentToken(PaygentToken, PAYGENT, { ...CARD, card_number: '4242 4242 4242 4241' })).rejects.toMatchObject({
      code: 'invalid_card',
      field: 'card_number',
      providerCode: '1301',
    });
    await expect(createPaygentToken(PaygentToken, PAYGENT, { ...CARD, expiry: '01/20' })).rejects.toMatchObject({ field: 'expire', providerCode: '1502' });
    await expect(createPaygentToken(PaygentToken, { ...PAYGENT, tokenGeneratePubkey: 'wrong' }, CARD)).rejects.toMatchObject({
      code: 'misconfigured',
      providerCode: '1201',
    });
    await expect(createPaygentToken(PaygentToken, PAYGENT, { ...CARD, card_number: '4000000000008005' })).rejects.toMatchObject({ code: 'backend_error', providerCode: '8000' });
  });

  it('answers 7001 when the sandbox cannot be reached', async () => {
    vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(function (this: XMLHttpRequest) {
      this.dispatchEvent(new ProgressEvent('error'));
    });
    await expect(createPaygentToken(PaygentToken, PAYGENT, CARD)).rejects.toMatchObject({ code: 'network_error', providerCode: '7001' });
  });

  it('its token buys once through the sandbox Kuroco API, with a 3-D Secure hand-off', async () => {
    const { token } = await createPaygentToken(PaygentToken, PAYGENT, CARD);
    const backend = kuroco();
    const result = await backend.purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: token });
    expect(result.orderIds).toHaveLength(1);
    expect(result.acsHtml).toContain('submitForm');
    await expect(backend.purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: token })).rejects.toMatchObject({
      code: 'invalid_request',
      field: 'card_token',
    });
  });
});

describe('<PaygentCardForm> in Chromium', () => {
  function ui(onToken = vi.fn()) {
    return (
      <StrictMode>
        <ThreeDSecureProvider backend={kuroco()}>
          <PaygentCardForm
            paygent={{ ...PAYGENT, jsUrl: JS_URL }}
            order={{ product_id: 41201, quantity: 1, ec_payment_id: 58 }}
            target={FRAME}
            allowedActionOrigins={[location.origin]}
            onToken={onToken}
          />
        </ThreeDSecureProvider>
      </StrictMode>
    );
  }

  it('types a card, tokenises, orders and hands over to the issuer page in the frame', async () => {
    const frame = document.createElement('iframe');
    frame.name = FRAME;
    document.body.append(frame);
    const onToken = vi.fn();
    const fetchSpy = vi.spyOn(window, 'fetch');
    const screen = await render(ui(onToken));
    await screen.getByLabelText('カード番号').fill(CARD.card_number);
    await screen.getByLabelText('有効期限（月/年）').fill(CARD.expiry);
    await screen.getByLabelText('セキュリティコード').fill(CARD.cvc);
    await screen.getByLabelText('カード名義').fill(CARD.name);
    await screen.getByRole('button', { name: '注文を確定する' }).click();
    await vi.waitFor(() => expect(frame.contentDocument?.querySelector('[data-outcome="pass"]')).toBeTruthy(), { timeout: 10_000 });
    expect(onToken).toHaveBeenCalledWith(expect.objectContaining({ token: expect.stringMatching(/^tok_/), maskedCardNumber: '************4242' }));
    // The order carried the token and nothing of the card.
    const purchase = fetchSpy.mock.calls.find(([url]) => String(url).includes('/rcms-api/1/ec/order'));
    const body = JSON.parse(String(purchase?.[1]?.body)) as Record<string, unknown>;
    expect(body.card_token).toBe(onToken.mock.calls[0]![0].token);
    expect(JSON.stringify(body)).not.toMatch(/4242|TARO|"123"/);
    await expect.element(screen.getByLabelText('セキュリティコード')).toHaveValue('');
  });

  it('stops at a bad card number: a field error, no token request, no order', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send');
    const screen = await render(ui());
    await screen.getByLabelText('カード番号').fill('4242 4242 4242 4241');
    await screen.getByLabelText('有効期限（月/年）').fill(CARD.expiry);
    await screen.getByLabelText('セキュリティコード').fill(CARD.cvc);
    await screen.getByLabelText('カード名義').fill(CARD.name);
    await screen.getByRole('button', { name: '注文を確定する' }).click();
    await expect.element(screen.getByRole('alert')).toHaveAttribute('data-error-code', 'invalid_card');
    await expect.element(screen.getByLabelText('カード番号')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByText('カード番号が正しくありません。入力内容をご確認ください。')).toBeVisible();
    expect(send).not.toHaveBeenCalled();
    expect(fetchSpy.mock.calls.some(([url]) => String(url).includes('/rcms-api/'))).toBe(false);
  });
});
