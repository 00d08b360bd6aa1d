import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { chooseChallengeOutcome } from './support/challenge';
import { KurocoCardFormDemo } from './support/KurocoCardFormDemo';

/**
 * A real card form, live against the offline sandbox on Storybook's origin: the stand-in
 * PaygentToken.js (`/paygent/js/PaygentToken.js`) turns the card into a one-time token at click
 * time, Kuroco's `ECOrder::purchase` gets only `card_token`, then Paygent's ACS form → the sandbox
 * issuer page → the return URL. Sandbox merchant id `39999`, token key `sandbox-token-key`.
 */
const meta = {
  title: 'Kuroco × Paygent/Card form',
  id: 'kuroco-card-form',
  component: KurocoCardFormDemo,
  args: {
    order: { product_id: 41201, quantity: 1, ec_payment_id: 58 },
    onPurchaseRequest: fn(),
  },
} satisfies Meta<typeof KurocoCardFormDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const CARD = { number: '4242 4242 4242 4242', expiry: '12/35', cvc: '123', name: 'TARO YAMADA' };
const LABELS = {
  ja: { number: 'カード番号', expiry: '有効期限（月/年）', cvc: 'セキュリティコード', name: 'カード名義', submit: '注文を確定する' },
  en: { number: 'Card number', expiry: 'Expiry date (MM/YY)', cvc: 'Security code', name: 'Name on card', submit: 'Place order' },
} as const;

/** Types a card into the form, as a shopper would, and places the order. */
async function typeCardAndOrder(
  canvas: { getByLabelText(label: string): HTMLElement; getByRole(role: string, options: { name: string }): HTMLElement },
  userEvent: { type(element: Element, text: string): Promise<void>; click(element: Element): Promise<void> },
  locale: keyof typeof LABELS = 'ja',
  number: string = CARD.number,
) {
  const labels = LABELS[locale];
  await userEvent.type(canvas.getByLabelText(labels.number), number);
  await userEvent.type(canvas.getByLabelText(labels.expiry), CARD.expiry);
  await userEvent.type(canvas.getByLabelText(labels.cvc), CARD.cvc);
  await userEvent.type(canvas.getByLabelText(labels.name), CARD.name);
  await userEvent.click(canvas.getByRole('button', { name: labels.submit }));
}

export const Success: Story = {
  play: async ({ args, canvas, canvasElement, userEvent }) => {
    await typeCardAndOrder(canvas, userEvent);
    await chooseChallengeOutcome(canvasElement, 'pass');
    const returnPage = await canvas.findByRole('region', { name: '戻りページ' }, { timeout: 10_000 });
    await expect(await within(returnPage).findByText('お支払いが完了しました。', {}, { timeout: 10_000 })).toBeVisible();
    await expect(args.onPurchaseRequest).toHaveBeenCalledTimes(1);
    await expect(args.onPurchaseRequest).toHaveBeenCalledWith(expect.objectContaining({ card_token: expect.stringMatching(/^tok_[A-Za-z0-9]{26}$/) }));
    // The security code is gone once tokenised.
    await expect(canvas.getByLabelText('セキュリティコード')).toHaveValue('');
  },
};

/** A mistyped number (bad check digit): the field says so, and no token or order request is made. */
export const InvalidCardNumber: Story = {
  play: async ({ args, canvas, userEvent }) => {
    await typeCardAndOrder(canvas, userEvent, 'ja', '4242 4242 4242 4241');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'invalid_card');
    const number = canvas.getByLabelText('カード番号');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(expect.stringContaining('カード番号が正しくありません。'));
    await expect(number).toHaveFocus();
    await expect(args.onPurchaseRequest).not.toHaveBeenCalled();
  },
};

export const English: Story = {
  args: { locale: 'en' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await typeCardAndOrder(canvas, userEvent, 'en');
    await chooseChallengeOutcome(canvasElement, 'pass');
    await expect(await canvas.findByText('Payment complete.', {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** The shop configured the wrong token key: Paygent answers 1201, the shopper is told to contact the shop. */
export const WrongTokenKey: Story = {
  args: { paygent: { merchantId: '39999', tokenGeneratePubkey: 'not-the-key', jsUrl: '/paygent/js/PaygentToken.js' } },
  play: async ({ args, canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('カード番号'), CARD.number);
    await userEvent.type(canvas.getByLabelText('有効期限（月/年）'), CARD.expiry);
    await userEvent.type(canvas.getByLabelText('セキュリティコード'), CARD.cvc);
    await userEvent.type(canvas.getByLabelText('カード名義'), CARD.name);
    await userEvent.click(canvas.getByRole('button', { name: '注文を確定する' }));
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'misconfigured');
    await expect(alert).toHaveTextContent('ショップにお問い合わせください');
    await expect(args.onPurchaseRequest).not.toHaveBeenCalled();
  },
};
