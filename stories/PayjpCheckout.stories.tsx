import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { ThreeDSecureWorkflow } from '../src/core';
import { PayjpCheckoutDemo } from './support/PayjpCheckoutDemo';
import { completeChallenge, pressInOverlay, typePayjsCard, type PayjpOutcome } from './support/payjpChallenge';

/**
 * Charge-time 3-D Secure (支払い作成時の3Dセキュア) from card entry to paid, live against the sandbox.
 * Test cards are PAY.JP's; the issuer page's outcome buttons are a sandbox convenience.
 */
const meta = {
  title: 'PAY.JP/Checkout (charge 3-D Secure)',
  id: 'payjp-checkout',
  component: PayjpCheckoutDemo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof PayjpCheckoutDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
type UserEvent = { type(element: Element, text: string): Promise<void>; click(element: Element): Promise<void> };

/** Types a card into the payjs fields and the cardholder details, as a shopper would. */
async function fillCheckout(canvasElement: HTMLElement, canvas: Canvas, userEvent: UserEvent, number = '4242424242424242') {
  await typePayjsCard(canvasElement, userEvent, number);
  await userEvent.type(canvas.getByLabelText(/カード名義|Name on card/), 'TARO YAMADA');
  await userEvent.type(canvas.getByLabelText(/メールアドレス|E-mail/), 'taro@example.jp');
}

async function pay(canvas: Canvas, userEvent: UserEvent, label = '支払う') {
  const button = canvas.getByRole('button', { name: label });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 10_000 });
  await userEvent.click(button);
}

function checkoutStory(workflow: ThreeDSecureWorkflow, outcome: PayjpOutcome, expected: { text: string } | { code: string }): Story {
  return {
    args: { workflow },
    play: async ({ canvas, canvasElement, userEvent }) => {
      await fillCheckout(canvasElement, canvas, userEvent);
      await completeChallenge(workflow, canvasElement, outcome, () => pay(canvas, userEvent));
      if ('text' in expected) await expect(await canvas.findByText(expected.text, {}, { timeout: 15_000 })).toBeVisible();
      else await expect(await canvas.findByRole('alert', {}, { timeout: 15_000 })).toHaveAttribute('data-error-code', expected.code);
    },
  };
}

const PAID = { text: 'お支払いが完了しました。' };

export const IframePaid = checkoutStory('iframe', 'verified', PAID);
export const SubwindowPaid = checkoutStory('subwindow', 'verified', PAID);
export const RedirectPaid = checkoutStory('redirect', 'verified', PAID);
export const IframeAttemptedPaid = checkoutStory('iframe', 'attempted', PAID);
export const IframeAuthenticationFailed = checkoutStory('iframe', 'failed', { code: 'three_d_secure_failed' });
export const IframeClosed = checkoutStory('iframe', 'abandon', { code: 'canceled' });

/** Split card fields, in English. */
export const SplitFieldsInEnglish: Story = {
  args: { split: true, locale: 'en' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await fillCheckout(canvasElement, canvas, userEvent);
    await pay(canvas, userEvent, 'Pay');
    await pressInOverlay('verified');
    await expect(await canvas.findByText('Payment complete.', {}, { timeout: 15_000 })).toBeVisible();
  },
};

/** Declined when the token is made (PAY.JP test card 4000000000000002): no charge is created. */
export const DeclinedAtTokenCreation: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await fillCheckout(canvasElement, canvas, userEvent, '4000000000000002');
    await pay(canvas, userEvent);
    await expect(await canvas.findByRole('alert', {}, { timeout: 10_000 })).toHaveAttribute('data-error-code', 'card_declined');
  },
};

/** Declined when the charge is finished after 3-D Secure (PAY.JP test card 4000000000080319): a 402 from tds_finish. */
export const DeclinedAfterThreeDSecure: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await fillCheckout(canvasElement, canvas, userEvent, '4000000000080319');
    await pay(canvas, userEvent);
    await pressInOverlay('verified');
    await expect(await canvas.findByRole('alert', {}, { timeout: 15_000 })).toHaveAttribute('data-error-code', 'card_declined');
  },
};

/** The cardholder details PAY.JP needs for 3-D Secure are missing: each field says what is missing, nothing is sent. */
export const MissingCardholderDetails: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await typePayjsCard(canvasElement, userEvent);
    await pay(canvas, userEvent);
    const name = canvas.getByLabelText('カード名義（ローマ字）');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('カード名義を入力してください。');
    await expect(canvas.getByLabelText('メールアドレス')).toHaveAccessibleDescription(expect.stringContaining('メールアドレスか電話番号のどちらかを入力してください。'));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Mandate-ready form (2025): a name typed in kanji is asked for in romaji, full-width romaji is
 * normalised on blur, and with the `consent` box the payment does not start until it is ticked.
 */
export const MandateReadyForm: Story = {
  args: { consent: true },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const name = canvas.getByLabelText('カード名義（ローマ字）');
    await userEvent.type(name, '山田太郎');
    await userEvent.tab();
    await expect(name).toHaveAccessibleDescription(expect.stringContaining('ローマ字（半角英字）で入力してください'));
    await userEvent.clear(name);
    await userEvent.type(name, 'ｙａｍａｄａ　ｔａｒｏ');
    await userEvent.tab();
    await expect(name).toHaveValue('YAMADA TARO');
    await expect(name).not.toHaveAttribute('aria-invalid');
    await typePayjsCard(canvasElement, userEvent);
    await pay(canvas, userEvent);
    const email = canvas.getByRole('textbox', { name: 'メールアドレス' });
    await expect(email).toHaveAccessibleDescription(expect.stringContaining('メールアドレスか電話番号のどちらかを入力してください。'));
    const consent = canvas.getByRole('checkbox');
    await expect(consent).toHaveAccessibleDescription('続けるには、本人認証のための情報提供に同意してください。');
    await expect(canvasElement.querySelector('form')).toHaveAttribute('data-state', 'idle');
    await userEvent.type(email, 'taro@example.jp');
    await userEvent.click(consent);
    await pay(canvas, userEvent);
    await pressInOverlay('verified');
    await expect(await canvas.findByText('お支払いが完了しました。', {}, { timeout: 15_000 })).toBeVisible();
  },
};

/**
 * PAY.JP's 30-minute window is over (simulated: this demo server's clock runs 31 minutes ahead, so
 * the server reads the new charge as expired). Nothing is paid, no challenge opens, and the shopper
 * is asked to start again.
 */
export const ExpiredWindow: Story = {
  args: { late: true },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await fillCheckout(canvasElement, canvas, userEvent);
    await pay(canvas, userEvent);
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'expired');
    await expect(alert).toHaveTextContent('最初からやり直してください');
  },
};

/** Above ¥10,000 PAY.JP's test card 4000000000080202 is declined; the server's price decides, not the browser. */
export const DeclinedAboveTenThousandYen: Story = {
  args: { cart: 'big' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await fillCheckout(canvasElement, canvas, userEvent, '4000000000080202');
    await pay(canvas, userEvent);
    await pressInOverlay('verified');
    await expect(await canvas.findByRole('alert', {}, { timeout: 15_000 })).toHaveAttribute('data-error-code', 'card_declined');
  },
};
