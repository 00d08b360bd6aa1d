import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { KurocoCheckout, ThreeDSecureProvider, ThreeDSecureReturnStatus } from '../src/react';
import { createSandboxKurocoBackend } from './support/sandboxBackend';

const RETURN_STORY_PATH = '/iframe.html?id=kuroco-full-page--return-page&viewMode=story';

/**
 * The real full-page flow inside Storybook's preview: “Checkout” posts the ACS form to the page
 * itself, the sandbox issuer page replaces the preview, and Kuroco sends it back to “Return page”.
 * Open “Checkout” in its own tab (the ↗ button) to follow it from start to end.
 */
const meta = {
  title: 'Kuroco × Paygent/Full page',
  id: 'kuroco-full-page',
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Checkout: Story = {
  render: () => (
    <ThreeDSecureProvider backend={createSandboxKurocoBackend({ returnPath: RETURN_STORY_PATH })}>
      <KurocoCheckout
        order={() => ({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` })}
        allowedActionOrigins={[window.location.origin]}
      />
    </ThreeDSecureProvider>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: '注文を確定する' })).toBeEnabled();
  },
};

/** What the shopper sees on the return URL; opened directly (no saved attempt) it says so. */
export const ReturnPage: Story = {
  render: () => (
    <ThreeDSecureProvider backend={createSandboxKurocoBackend({ returnPath: RETURN_STORY_PATH })}>
      <ThreeDSecureReturnStatus retryAction={<a href="/iframe.html?id=kuroco-full-page--checkout&viewMode=story">ご注文手続きに戻る</a>} />
    </ThreeDSecureProvider>
  ),
};
