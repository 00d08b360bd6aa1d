// <KurocoCheckout> in Chromium when the 3-D Secure form Kuroco sends is refused: the order exists at
// Kuroco (the sandbox mounted on the test server), so the shopper sees its number and a way on, and
// nothing can send a second purchase for the same cart.
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import type { KurocoBackend } from '../../src/core/kuroco/types';
import { KurocoCheckout } from '../../src/react/KurocoCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';

const TEXT = {
  ja: { submit: '注文を確定する', orderIds: '注文番号', exists: '二重注文を防ぐため', link: 'ご注文の状況を確認する' },
  en: { submit: 'Place order', orderIds: 'Order number', exists: 'To avoid a duplicate order', link: 'Check your order' },
} as const;

/** The sandbox's Kuroco, with every purchase counted; `acsHtml` optionally replaced after the real order. */
function sandboxBackend(replaceAcsHtml?: string) {
  const backend = createKurocoBackend({ baseUrl: location.origin, auth: { type: 'token', token: 'sandbox-access-token' }, returnPath: '/sandbox-return.html' });
  const purchase = vi.fn<KurocoBackend['purchase']>(async (order, init) => {
    const result = await backend.purchase(order, init);
    return replaceAcsHtml === undefined ? result : { ...result, acsHtml: replaceAcsHtml };
  });
  return { ...backend, purchase } satisfies KurocoBackend;
}

afterEach(() => vi.restoreAllMocks());

describe('<KurocoCheckout> after a refused 3-D Secure form, in Chromium', () => {
  it.each([
    ['ja', 'acs_action_not_allowed', undefined],
    ['en', 'acs_html_invalid', '<p>no form here</p>'],
  ] as const)('%s, %s: shows the order number and the way on, and sends no second purchase', async (locale, code, replaced) => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const backend = sandboxBackend(replaced);
    const onFailed = vi.fn();
    const text = TEXT[locale];
    const ui = (
      <StrictMode>
        <ThreeDSecureProvider backend={backend} locale={locale}>
          {/* No allowedActionOrigins: the sandbox's http ACS is refused, as a misconfigured site's would be. */}
          <KurocoCheckout order={{ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` }} onFailed={onFailed} failureHref="/mypage/orders" />
        </ThreeDSecureProvider>
      </StrictMode>
    );
    const screen = await render(ui);
    await screen.getByRole('button', { name: text.submit }).click();

    await expect.element(screen.getByRole('alert'), { timeout: 10_000 }).toHaveAttribute('data-error-code', code);
    const orderIds = (await backend.purchase.mock.results[0]!.value).orderIds as number[];
    expect(orderIds.length).toBeGreaterThan(0);
    await expect.element(screen.getByText(`${text.orderIds}: ${orderIds.join(', ')}`)).toBeVisible();
    await expect.element(screen.getByText(text.exists, { exact: false })).toBeVisible();
    await expect.element(screen.getByRole('link', { name: text.link })).toHaveAttribute('href', '/mypage/orders');
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]![0]).toMatchObject({ code });

    // No button places the order again, not even after a remount; nothing was posted to the ACS.
    expect(screen.container.querySelectorAll('button')).toHaveLength(0);
    await screen.rerender(ui);
    expect(screen.container.querySelector('button')).toBeNull();
    expect(backend.purchase).toHaveBeenCalledTimes(1);
    expect(submit).not.toHaveBeenCalled();
  });

  it('failureAction replaces the link', async () => {
    const backend = sandboxBackend();
    const screen = await render(
      <ThreeDSecureProvider backend={backend}>
        <KurocoCheckout order={{ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` }} failureAction={<a href="/support">サポートへ</a>} failureHref="/unused" />
      </ThreeDSecureProvider>,
    );
    await screen.getByRole('button', { name: TEXT.ja.submit }).click();
    await expect.element(screen.getByRole('link', { name: 'サポートへ' }), { timeout: 10_000 }).toHaveAttribute('href', '/support');
    expect(screen.container.querySelector('a[href="/unused"]')).toBeNull();
  });
});
