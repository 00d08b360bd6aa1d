import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KurocoBackend, KurocoOrderInput, KurocoPurchaseResult } from '../../src/core/kuroco/types';
import type { PaygentCardInfo, PaygentTokenCallback, PaygentTokenResponse } from '../../src/core/paygent/types';
import { PaygentCardForm } from '../../src/react/PaygentCardForm';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { usePaygentToken } from '../../src/react/usePaygentToken';

// The loader keeps one load per URL for the page's lifetime: each test gets its own URL.
let n = 0;
let jsUrl = '';
let answer: (card: PaygentCardInfo) => PaygentTokenResponse;
const createCalls: PaygentCardInfo[] = [];

class FakePaygentToken {
  createToken(_merchantId: string, _key: string, card: PaygentCardInfo, callback: PaygentTokenCallback) {
    createCalls.push(card);
    const response = answer(card);
    setTimeout(() => callback(response), 0);
  }
}

const TOKEN = 'tok_AbCdEfGhIjKlMnOpQrStUvWxYz';

beforeEach(() => {
  jsUrl = `https://token.example.test/js/PaygentToken.js?form=${(n += 1)}`;
  createCalls.length = 0;
  answer = () => ({ result: '0000', tokenizedCardObject: { token: TOKEN, masked_card_number: '************1111', valid_until: '20300415121000', fingerprint: 'f' }, hc: 'h' });
  // As if PaygentToken.js were already on the page.
  const script = document.createElement('script');
  script.src = jsUrl;
  document.head.append(script);
  (globalThis as { PaygentToken?: unknown }).PaygentToken = FakePaygentToken;
});

afterEach(() => {
  document.head.replaceChildren();
  delete (globalThis as { PaygentToken?: unknown }).PaygentToken;
});

function fakeBackend() {
  const result: KurocoPurchaseResult = { orderIds: [1001], messages: ['注文が完了しました。'], acsHtml: null };
  const backend: KurocoBackend = {
    provider: 'kuroco',
    returnPath: '/return',
    purchase: vi.fn(async (_order: KurocoOrderInput) => result),
    getPaymentStatus: vi.fn(async () => 'paid' as const),
  };
  return backend;
}

function renderForm(backend: KurocoBackend, locale: 'ja' | 'en' = 'ja', extra: Partial<Parameters<typeof PaygentCardForm>[0]> = {}) {
  return render(
    <StrictMode>
      <ThreeDSecureProvider backend={backend} locale={locale}>
        <PaygentCardForm
          paygent={{ merchantId: '39999', tokenGeneratePubkey: 'sandbox-token-key', jsUrl }}
          order={{ product_id: 41201, quantity: 1, ec_payment_id: 58 }}
          {...extra}
        />
      </ThreeDSecureProvider>
    </StrictMode>,
  );
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillCard() {
  type('カード番号', '4111 1111 1111 1111');
  type('有効期限（月/年）', '12/35');
  type('セキュリティコード', '123');
  type('カード名義', 'TARO YAMADA');
}

describe('<PaygentCardForm> fields', { timeout: 30_000 }, () => {
  it('labels every field, with autocomplete, inputmode, hints and no name attribute', () => {
    renderForm(fakeBackend());
    expect(screen.getByRole('group', { name: 'クレジットカード情報' })).toBeInTheDocument();
    const expected: [string, string, string | null][] = [
      ['カード番号', 'cc-number', 'numeric'],
      ['有効期限（月/年）', 'cc-exp', 'numeric'],
      ['セキュリティコード', 'cc-csc', 'numeric'],
      ['カード名義', 'cc-name', null],
    ];
    for (const [label, autocomplete, inputmode] of expected) {
      const input = screen.getByLabelText(label);
      expect(input).toHaveAttribute('autocomplete', autocomplete);
      expect(input.getAttribute('inputmode')).toBe(inputmode);
      expect(input).not.toHaveAttribute('name');
      expect(input).toBeRequired();
      expect(input).not.toHaveAttribute('aria-invalid');
      expect(input).toHaveAccessibleDescription(/.+/);
    }
  });

  it('follows the provider locale', () => {
    renderForm(fakeBackend(), 'en');
    expect(screen.getByRole('group', { name: 'Card details' })).toBeInTheDocument();
    expect(screen.getByLabelText('Card number')).toHaveAttribute('autocomplete', 'cc-number');
    expect(screen.getByLabelText('Expiry date (MM/YY)')).toBeInTheDocument();
    expect(screen.getByLabelText('Security code')).toBeInTheDocument();
    expect(screen.getByLabelText('Name on card')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Place order' })).toBeInTheDocument();
  });

  it('can make the name optional and take text overrides', () => {
    renderForm(fakeBackend(), 'ja', { requireName: false, messages: { ja: { 'paygent.cardNumber': 'クレジットカード番号' } } });
    expect(screen.getByLabelText('カード名義')).not.toBeRequired();
    expect(screen.getByLabelText('クレジットカード番号')).toBeInTheDocument();
  });
});

describe('<PaygentCardForm> checks before anything is sent', { timeout: 30_000 }, () => {
  it('shows an error under each empty field, focuses the first, and sends no token request and no order', async () => {
    const backend = fakeBackend();
    renderForm(backend);
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-code', 'invalid_card');
    const number = screen.getByLabelText('カード番号');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription(expect.stringContaining('カード番号を入力してください。'));
    expect(screen.getByLabelText('有効期限（月/年）')).toHaveAccessibleDescription(expect.stringContaining('有効期限を入力してください。'));
    expect(screen.getByLabelText('セキュリティコード')).toHaveAccessibleDescription(expect.stringContaining('セキュリティコードを入力してください。'));
    expect(screen.getByLabelText('カード名義')).toHaveAccessibleDescription(expect.stringContaining('カード名義を入力してください。'));
    expect(number).toHaveFocus();
    expect(createCalls).toHaveLength(0);
    expect(backend.purchase).not.toHaveBeenCalled();
  });

  it('normalises the name on blur and asks for romaji when kanji or kana is typed', () => {
    renderForm(fakeBackend());
    const name = screen.getByLabelText('カード名義') as HTMLInputElement;
    type('カード名義', 'ｙａｍａｄａ　ｔａｒｏ');
    fireEvent.blur(name);
    expect(name.value).toBe('YAMADA TARO');
    expect(name).not.toHaveAttribute('aria-invalid');
    type('カード名義', '山田太郎');
    fireEvent.blur(name);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining('カード名義は半角ローマ字で入力してください。'));
  });

  it('flags a bad card number (check digit) and clears the error once the shopper edits it', async () => {
    const backend = fakeBackend();
    renderForm(backend);
    fillCard();
    type('カード番号', '4111 1111 1111 1112');
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await screen.findByRole('alert');
    const number = screen.getByLabelText('カード番号');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription(expect.stringContaining('カード番号が正しくありません。'));
    expect(screen.getByLabelText('セキュリティコード')).not.toHaveAttribute('aria-invalid');
    expect(createCalls).toHaveLength(0);
    expect(backend.purchase).not.toHaveBeenCalled();
    type('カード番号', '4111 1111 1111 1111');
    expect(number).not.toHaveAttribute('aria-invalid');
  });

  it('checks a filled field when the shopper leaves it', () => {
    renderForm(fakeBackend());
    type('有効期限（月/年）', '13/35');
    fireEvent.blur(screen.getByLabelText('有効期限（月/年）'));
    expect(screen.getByLabelText('有効期限（月/年）')).toHaveAccessibleDescription(expect.stringContaining('「月/年」の形式'));
    // An empty field waits for the click.
    fireEvent.blur(screen.getByLabelText('カード番号'));
    expect(screen.getByLabelText('カード番号')).not.toHaveAttribute('aria-invalid');
  });
});

describe('<PaygentCardForm> tokenising and ordering', { timeout: 30_000 }, () => {
  it('creates the token at click time, orders with card_token, clears the CVC and never passes card data to Kuroco', async () => {
    const backend = fakeBackend();
    const onToken = vi.fn();
    const log = vi.spyOn(console, 'log');
    renderForm(backend, 'ja', { onToken });
    fillCard();
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await waitFor(() => expect(backend.purchase).toHaveBeenCalledTimes(1));
    expect(createCalls).toEqual([{ card_number: '4111111111111111', expire_month: '12', expire_year: '35', cvc: '123', name: 'TARO YAMADA' }]);
    const order = vi.mocked(backend.purchase).mock.calls[0]![0];
    expect(order).toEqual({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: TOKEN });
    expect(JSON.stringify(order)).not.toMatch(/4111|TARO/);
    expect(onToken).toHaveBeenCalledWith(expect.objectContaining({ token: TOKEN, maskedCardNumber: '************1111' }));
    await waitFor(() => expect(screen.getByLabelText('セキュリティコード')).toHaveValue(''));
    expect(screen.getByLabelText('カード番号')).toHaveValue('4111 1111 1111 1111');
    expect(log).not.toHaveBeenCalled();
  });

  it('accepts an order function called at click time', async () => {
    const backend = fakeBackend();
    const order = vi.fn(async () => ({ order_products: [{ product_id: 41202, quantity: 2 }], ec_payment_id: 58 }));
    renderForm(backend, 'ja', { order });
    fillCard();
    expect(order).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await waitFor(() => expect(backend.purchase).toHaveBeenCalledTimes(1));
    expect(vi.mocked(backend.purchase).mock.calls[0]![0]).toEqual({ order_products: [{ product_id: 41202, quantity: 2 }], ec_payment_id: 58, card_token: TOKEN });
  });

  it("puts Paygent's field error under its field and sends no order", async () => {
    answer = () => ({ result: '1502' });
    const backend = fakeBackend();
    renderForm(backend);
    fillCard();
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-code', 'invalid_card');
    const expiry = screen.getByLabelText('有効期限（月/年）');
    await waitFor(() => expect(expiry).toHaveAttribute('aria-invalid', 'true'));
    expect(expiry).toHaveAccessibleDescription(expect.stringContaining('有効期限が切れているか'));
    expect(expiry).toHaveFocus();
    expect(backend.purchase).not.toHaveBeenCalled();
  });

  it('reports a merchant key error as misconfigured, with the button usable again', async () => {
    answer = () => ({ result: '1201' });
    const onError = vi.fn();
    const backend = fakeBackend();
    renderForm(backend, 'ja', { onError });
    fillCard();
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-code', 'misconfigured');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'misconfigured', providerCode: '1201' }));
    expect(screen.getByRole('button', { name: '注文を確定する' })).toBeEnabled();
    expect(backend.purchase).not.toHaveBeenCalled();
  });
});

describe('usePaygentToken', { timeout: 30_000 }, () => {
  const wrapper = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;

  it('is ready once the script is there, and creates tokens', async () => {
    const { result } = renderHook(() => usePaygentToken({ merchantId: '39999', tokenGeneratePubkey: 'k', jsUrl }), { wrapper });
    await waitFor(() => expect(result.current.ready).toBe(true));
    expect(result.current.status).toBe('ready');
    let token: Awaited<ReturnType<typeof result.current.createToken>> | undefined;
    await act(async () => {
      token = await result.current.createToken({ card_number: '4111111111111111', expiry: '12/35', cvc: '123' });
    });
    expect(token?.token).toBe(TOKEN);
    expect(result.current.error).toBeNull();
  });

  it('keeps the last error and clears it on the next call', async () => {
    answer = () => ({ result: '1301' });
    const { result } = renderHook(() => usePaygentToken({ merchantId: '39999', tokenGeneratePubkey: 'k', jsUrl }), { wrapper });
    await waitFor(() => expect(result.current.ready).toBe(true));
    await act(async () => {
      await expect(result.current.createToken({ card_number: '4111111111111112', expiry: '12/35' })).rejects.toMatchObject({ code: 'invalid_card', field: 'card_number' });
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error?.providerCode).toBe('1301');
    answer = () => ({ result: '0000', tokenizedCardObject: { token: TOKEN } });
    await act(async () => {
      await result.current.createToken({ card_number: '4111111111111111', expiry: '12/35' });
    });
    expect(result.current.error).toBeNull();
    expect(result.current.status).toBe('ready');
  });

  it('reports a script that fails to load as network_error', async () => {
    const missing = `https://token.example.test/js/missing.js?${(n += 1)}`;
    const { result } = renderHook(() => usePaygentToken({ merchantId: '39999', tokenGeneratePubkey: 'k', jsUrl: missing }), { wrapper });
    const script = Array.from(document.scripts).find((s) => s.src === missing);
    expect(script).toBeDefined();
    act(() => {
      script!.dispatchEvent(new Event('error'));
    });
    await waitFor(() => expect(result.current.error?.code).toBe('network_error'));
    expect(result.current.ready).toBe(false);
  });
});
