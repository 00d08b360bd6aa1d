import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { PayjsElementChangeEvent } from '../../src/core/payjp/payjs';
import { PayjpCheckout, type PayjpCheckoutProps } from '../../src/react/PayjpCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';

// A stand-in for pay.js on the page: elements whose change events the test drives, and createToken.
let n = 0;
let jsUrl = '';
let tokenResult: unknown;
const handlers = new Map<string, (event: PayjsElementChangeEvent) => void>();
const createToken = vi.fn(async () => tokenResult);

function installPayjs() {
  jsUrl = `https://js.example.test/pay.js?checkout=${(n += 1)}`;
  const script = document.createElement('script');
  script.src = jsUrl;
  document.head.append(script);
  (globalThis as { Payjp?: unknown }).Payjp = () => ({
    getPublicKey: () => 'pk_test_x',
    openThreeDSecureIframe: vi.fn(),
    openThreeDSecureDialog: vi.fn(),
    elements: () => ({
      create: (type: string) => ({
        mount: () => undefined,
        unmount: () => undefined,
        on: (event: string, handler: (event?: PayjsElementChangeEvent) => void) => {
          if (event === 'change') handlers.set(type, handler as (event: PayjsElementChangeEvent) => void);
          if (event === 'ready') queueMicrotask(() => handler());
        },
      }),
    }),
    createToken,
  });
}

function backend(): PayjpBackend {
  const never = vi.fn(() => new Promise<never>(() => undefined));
  return {
    provider: 'payjp',
    createCardVerification: never,
    getCardVerification: never,
    createCharge: never,
    getCharge: never,
    finishCharge: never,
    finishToken: never,
    createRedirectUrl: never,
  };
}

function renderCheckout(props: Partial<PayjpCheckoutProps> = {}, locale: 'ja' | 'en' = 'ja') {
  const view = render(
    <ThreeDSecureProvider backend={backend()} publicKey="pk_test_x" jsUrl={jsUrl} locale={locale}>
      <PayjpCheckout order={{ cart: 'basic' }} {...props} />
    </ThreeDSecureProvider>,
  );
  return view;
}

const input = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;
const messageOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((node) => node?.hasAttribute('data-field-error'))
    .map((node) => node!.textContent)
    .join(' ');

async function pay(label = '支払う') {
  const button = screen.getByRole('button', { name: label });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 10_000 });
  await act(async () => void fireEvent.click(button));
}

beforeEach(() => {
  tokenResult = { id: 'tok_1', card: { three_d_secure_status: null } };
  createToken.mockClear();
  handlers.clear();
  installPayjs();
});

afterEach(() => {
  document.head.replaceChildren();
  delete (globalThis as { Payjp?: unknown }).Payjp;
});

describe('<PayjpCheckout> cardholder fields', { timeout: 30_000 }, () => {
  it('names a missing cardholder name under the field, not "card information is wrong", and sends nothing', async () => {
    const onFailed = vi.fn();
    renderCheckout({ onFailed });
    fireEvent.change(input('メールアドレス'), { target: { value: 'taro@example.jp' } });
    await pay();
    const name = input('カード名義（ローマ字）');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(messageOf(name)).toBe('カード名義を入力してください。');
    expect(name).toHaveFocus();
    expect(screen.queryByText('カード情報に誤りがあります。入力内容をご確認ください。')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(createToken).not.toHaveBeenCalled();
    expect(onFailed).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_card', field: 'name' }));
    // Typing clears the message.
    fireEvent.change(name, { target: { value: 'T' } });
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(messageOf(name)).toBe('');
  });

  it('asks for romaji when kanji or kana is typed, on blur', () => {
    renderCheckout();
    const name = input('カード名義（ローマ字）');
    fireEvent.change(name, { target: { value: '山田太郎' } });
    fireEvent.blur(name);
    expect(messageOf(name)).toContain('ローマ字');
    fireEvent.change(name, { target: { value: 'ヤマダ タロウ' } });
    fireEvent.blur(name);
    expect(messageOf(name)).toBe('カード名義は、カードに記載のとおりローマ字（半角英字）で入力してください。例: TARO YAMADA');
  });

  it('normalises on blur and shows the normalised value: full-width, spaces, case', () => {
    renderCheckout();
    const name = input('カード名義（ローマ字）');
    fireEvent.change(name, { target: { value: 'ｙａｍａｄａ　　ｔａｒｏ ' } });
    fireEvent.blur(name);
    expect(name.value).toBe('YAMADA TARO');
    expect(name).not.toHaveAttribute('aria-invalid');
    const email = input('メールアドレス');
    fireEvent.change(email, { target: { value: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ' } });
    fireEvent.blur(email);
    expect(email.value).toBe('taro@example.jp');
    const phone = input('電話番号');
    fireEvent.change(phone, { target: { value: '０９０－１２３４－５６７８' } });
    fireEvent.blur(phone);
    expect(phone.value).toBe('090-1234-5678');
  });

  it('leaves an empty field alone on blur, and shows a bad e-mail or phone at once', () => {
    renderCheckout();
    const name = input('カード名義（ローマ字）');
    fireEvent.blur(name);
    expect(name).not.toHaveAttribute('aria-invalid');
    const email = input('メールアドレス');
    fireEvent.change(email, { target: { value: 'taro@example' } });
    fireEvent.blur(email);
    expect(messageOf(email)).toBe('メールアドレスの形式が正しくありません。例: taro@example.jp');
    const phone = input('電話番号');
    fireEvent.change(phone, { target: { value: '12-34' } });
    fireEvent.blur(phone);
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(messageOf(phone)).toBe('電話番号が正しくありません。例: 090-1234-5678');
  });

  it('asks for an e-mail or a phone once, under the e-mail, and the phone points at it', async () => {
    renderCheckout();
    fireEvent.change(input('カード名義（ローマ字）'), { target: { value: 'taro yamada' } });
    await pay();
    const email = input('メールアドレス');
    const phone = input('電話番号');
    expect(messageOf(email)).toBe('本人認証（3Dセキュア）のため、メールアドレスか電話番号のどちらかを入力してください。');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(messageOf(phone)).toBe(messageOf(email));
    expect(screen.getAllByText(/どちらかを入力してください。$/, { selector: '[data-field-error]' })).toHaveLength(1);
    expect(email).toHaveFocus();
    expect(input('カード名義（ローマ字）').value).toBe('TARO YAMADA');
    fireEvent.change(phone, { target: { value: '090-1234-5678' } });
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(phone).not.toHaveAttribute('aria-invalid');
  });

  it('sends the normalised details, the phone in E.164', async () => {
    renderCheckout();
    fireEvent.change(input('カード名義（ローマ字）'), { target: { value: 'ｔａｒｏ　ｙａｍａｄａ' } });
    fireEvent.change(input('電話番号'), { target: { value: '０９０－１２３４－５６７８' } });
    await pay();
    expect(createToken).toHaveBeenCalledTimes(1);
    expect(createToken).toHaveBeenCalledWith(expect.anything(), { card: { name: 'TARO YAMADA', phone: '+819012345678' } }, undefined);
  });

  it('speaks English with the provider’s locale, and takes the app’s texts', async () => {
    renderCheckout({ fieldMessages: { en: { 'name.required': 'Your name, please.' } } }, 'en');
    fireEvent.change(input('E-mail'), { target: { value: 'taro@example.jp' } });
    await pay('Pay');
    expect(messageOf(input('Name on card'))).toBe('Your name, please.');
    fireEvent.change(input('Name on card'), { target: { value: '山田' } });
    fireEvent.blur(input('Name on card'));
    expect(messageOf(input('Name on card'))).toMatch(/romaji/);
  });
});

describe('<PayjpCheckout> consent', { timeout: 30_000 }, () => {
  it('has no box unless asked for', () => {
    renderCheckout();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('must be ticked before paying, with a message under it; then the payment proceeds', async () => {
    renderCheckout({ consent: {} });
    const box = screen.getByRole('checkbox', { name: /カード発行会社へ提供することに同意します/ });
    fireEvent.change(input('カード名義（ローマ字）'), { target: { value: 'TARO YAMADA' } });
    fireEvent.change(input('メールアドレス'), { target: { value: 'taro@example.jp' } });
    await pay();
    expect(createToken).not.toHaveBeenCalled();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveFocus();
    expect(messageOf(box)).toBe('続けるには、本人認証のための情報提供に同意してください。');
    fireEvent.click(box);
    expect(box).toBeChecked();
    expect(messageOf(box)).toBe('');
    await pay();
    expect(createToken).toHaveBeenCalledTimes(1);
  });

  it('takes the merchant’s own label', () => {
    renderCheckout({ consent: { label: <>I agree to the <a href="/privacy">privacy policy</a></> } });
    expect(screen.getByRole('checkbox', { name: 'I agree to the privacy policy' })).not.toBeChecked();
  });
});

describe('<PayjpCheckout> card field messages', { timeout: 30_000 }, () => {
  it('puts a token-time card error under the card field, not in the alert', async () => {
    tokenResult = { error: { code: 'invalid_cvc', message: 'Your card security code is invalid.', status: 402, type: 'card_error', param: 'card[cvc]' } };
    const view = renderCheckout();
    fireEvent.change(input('カード名義（ローマ字）'), { target: { value: 'TARO YAMADA' } });
    fireEvent.change(input('メールアドレス'), { target: { value: 'taro@example.jp' } });
    await pay();
    const group = within(view.container).getByRole('group', { name: 'カード情報' });
    await waitFor(() => expect(messageOf(group)).toBe('セキュリティコードが正しくありません。'), { timeout: 10_000 });
    expect(group).toHaveAttribute('data-invalid', 'true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a decline that is not about the typing in the alert', async () => {
    tokenResult = { error: { code: 'card_declined', message: 'Card declined.', status: 402, type: 'card_error' } };
    renderCheckout();
    fireEvent.change(input('カード名義（ローマ字）'), { target: { value: 'TARO YAMADA' } });
    fireEvent.change(input('メールアドレス'), { target: { value: 'taro@example.jp' } });
    await pay();
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveAttribute('data-error-code', 'card_declined');
  });

  it('shows each split field’s live payjs error under that field', async () => {
    const view = renderCheckout({ split: true });
    await waitFor(() => expect(handlers.size).toBe(3), { timeout: 10_000 });
    act(() => handlers.get('cardExpiry')!({ elementType: 'cardExpiry', empty: false, complete: false, error: { code: 'incomplete_error', message: '有効期限が入力途中です。' } }));
    const expiry = within(view.container).getByRole('group', { name: '有効期限' });
    expect(messageOf(expiry)).toBe('有効期限を最後まで入力してください。');
    expect(messageOf(within(view.container).getByRole('group', { name: 'カード番号' }))).toBe('');
    act(() => handlers.get('cardExpiry')!({ elementType: 'cardExpiry', empty: false, complete: true }));
    expect(messageOf(expiry)).toBe('');
  });
});
