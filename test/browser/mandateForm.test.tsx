// The mandate-ready checkout in real Chromium against the sandbox's pay.js: what a Japanese
// keyboard types (kanji, full-width romaji) and the consent box that must be ticked before paying.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { PayjpCheckout } from '../../src/react/PayjpCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';

const backend = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [location.origin] });

/** The ids an element's aria-describedby names, read as text. */
function description(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('mandate-ready <PayjpCheckout> in Chromium', () => {
  it('asks for romaji for 山田太郎, shows YAMADA after blur, and cannot pay before consent', { timeout: 60_000 }, async () => {
    const tokenRequests: string[] = [];
    const realFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/v1/tokens')) tokenRequests.push(url);
      return realFetch(input, init);
    });
    const screen = await render(
      <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow="iframe">
        <PayjpCheckout order={{ cart: 'basic' }} consent={{}} />
      </ThreeDSecureProvider>,
    );
    const name = screen.getByLabelText('カード名義（ローマ字）');
    await userEvent.type(name, '山田太郎');
    await userEvent.tab();
    await expect.element(name).toHaveAttribute('aria-invalid', 'true');
    expect(description(name.element())).toContain('ローマ字（半角英字）で入力してください');

    await userEvent.clear(name);
    await userEvent.type(name, 'ｙａｍａｄａ　ｔａｒｏ');
    await userEvent.tab();
    await expect.element(name).toHaveValue('YAMADA TARO');
    await expect.element(name).not.toHaveAttribute('aria-invalid');

    const field = (part: string) => document.querySelector<HTMLInputElement>(`[data-payjs-field="${part}"]`);
    await expect.poll(() => field('cvc'), { timeout: 20_000 }).toBeTruthy();
    await userEvent.type(field('number')!, '4242424242424242');
    await userEvent.type(field('expiry')!, '1230');
    await userEvent.type(field('cvc')!, '123');
    await userEvent.type(screen.getByLabelText('メールアドレス', { exact: true }), 'taro@example.jp');

    const pay = screen.getByRole('button', { name: '支払う' });
    await expect.element(pay, { timeout: 20_000 }).toBeEnabled();
    await pay.click();
    const consent = screen.getByRole('checkbox');
    await expect.element(consent).toHaveAttribute('aria-invalid', 'true');
    await expect.element(consent).toHaveFocus();
    expect(description(consent.element())).toBe('続けるには、本人認証のための情報提供に同意してください。');
    // Nothing left the page: no token request, the form never started.
    expect(tokenRequests).toEqual([]);
    expect(screen.container.querySelector('form')!.getAttribute('data-state')).toBe('idle');

    await consent.click();
    await expect.element(consent).toBeChecked();
    await expect.element(consent).not.toHaveAttribute('aria-invalid');
    await pay.click();
    await expect.poll(() => tokenRequests.length, { timeout: 20_000 }).toBe(1);
    // The charge goes on to the issuer's challenge; leaving the page closes it.
    await expect.poll(() => screen.container.querySelector('form')!.getAttribute('data-state'), { timeout: 20_000 }).toBe('challenging');
    await screen.unmount();
  });
});
