import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { KurocoDemo } from './support/KurocoDemo';
import { chooseChallengeOutcome } from './support/challenge';
import { createSandboxKurocoBackend } from './support/sandboxBackend';

/**
 * Live against the offline sandbox (Kuroco `ECOrder::purchase` → Paygent's ACS form → the sandbox
 * issuer page → return URL). The outcome buttons on the issuer page are a sandbox convenience.
 */
const meta = {
  title: 'Kuroco × Paygent/Checkout',
  id: 'kuroco-checkout',
  component: KurocoDemo,
  args: {
    order: { product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: 'tok_CY9YQzCwS8Efm1ngz6jM7cKr4a' },
  },
  // A fresh card token per render: the sandbox, like Paygent, accepts each token once.
  render: (args) => <KurocoDemo {...args} order={{ ...args.order, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` }} />,
} satisfies Meta<typeof KurocoDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const placeOrder = { ja: '注文を確定する', en: 'Place order' } as const;

export const Success: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    await chooseChallengeOutcome(canvasElement, 'pass');
    const returnPage = await canvas.findByRole('region', { name: '戻りページ' }, { timeout: 10_000 });
    await expect(await within(returnPage).findByText('お支払いが完了しました。', {}, { timeout: 10_000 })).toBeVisible();
    await expect(within(returnPage).getByText(/注文番号: \d+/)).toBeVisible();
  },
};

export const SuccessInEnglish: Story = {
  args: { locale: 'en' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.en }));
    await chooseChallengeOutcome(canvasElement, 'pass');
    await expect(await canvas.findByText('Payment complete.', {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** The issuer refuses: Kuroco returns with `dsec_error=1`. */
export const ThreeDSecureFailure: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    await chooseChallengeOutcome(canvasElement, 'fail');
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'three_d_secure_failed');
    await expect(alert).toHaveTextContent('3Dセキュア認証に失敗');
    await expect(canvas.getByText(/注文番号: \d+/)).toBeVisible();
  },
};

/** The shopper lets the issuer page time out: also `dsec_error=1`. */
export const Timeout: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    await chooseChallengeOutcome(canvasElement, 'timeout');
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'three_d_secure_failed');
    await expect(alert).toHaveTextContent('時間切れ');
  },
};

/** 3-D Secure passes, then the card authorization fails: no `dsec_error`, but the order never becomes paid. */
export const AuthorizationFailure: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    await chooseChallengeOutcome(canvasElement, 'pass_auth_fail');
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'authorization_failed');
    await expect(canvas.getByText(/注文番号: \d+/)).toBeVisible();
  },
};

/**
 * The site's allow-list does not name the 3-D Secure server, so its form is refused. Kuroco already
 * holds the order: the shopper sees its number and a way on (`failureHref`), never a second order button.
 */
export const HandOffRefused: Story = {
  args: { allowedActionOrigins: ['https://acs.example.test'], failureHref: '#orders' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'acs_action_not_allowed');
    await expect(canvas.getByText(/注文番号: \d+/)).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'ご注文の状況を確認する' })).toHaveAttribute('href', '#orders');
    await expect(canvas.queryByRole('button', { name: placeOrder.ja })).toBeNull();
  },
};

/** Kuroco's 422 for carts 3-D Secure cannot take in one order (here: shipped + download). */
export const MixedOrder: Story = {
  args: {
    order: { order_products: [{ product_id: 41201, quantity: 1 }, { product_id: 41301, quantity: 1 }], ec_payment_id: 58, card_token: 'tok_x' },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'kuroco_mixed_order');
    await expect(alert).toHaveTextContent('個別にご注文ください');
    await expect(alert).toHaveTextContent(/Request ID: [0-9a-f-]{36}/);
    await expect(canvas.getByRole('button', { name: placeOrder.ja })).toBeEnabled();
  },
};

/** The shopper is offline: a typed network error, and the button stays usable for a retry. */
export const NetworkFailure: Story = {
  args: {
    backend: createSandboxKurocoBackend({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    }),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'network_error');
    await expect(alert).toHaveTextContent('通信できませんでした');
    await expect(canvas.getByRole('button', { name: placeOrder.ja })).toBeEnabled();
  },
};

/** Sandbox product 49500 makes the purchase answer 500. */
export const ServerError: Story = {
  args: { order: { product_id: 49500, quantity: 1, ec_payment_id: 58, card_token: 'tok_x' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: placeOrder.ja }));
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'backend_error');
  },
};
