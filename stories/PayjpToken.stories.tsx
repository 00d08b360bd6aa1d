import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import type { ThreeDSecureWorkflow } from '../src/core';
import { PayjpTokenDemo } from './support/PayjpTokenDemo';
import { completeChallenge, typePayjsCard, type PayjpOutcome } from './support/payjpChallenge';

/**
 * Token-time 3-D Secure (トークン作成時の3Dセキュア): payjs creates the token with
 * `three_d_secure: true` and shows the issuer, then the kit's handler confirms the token before the
 * shop uses it (and finishes it itself after the redirect workflow). Live against the sandbox.
 */
const meta = {
  title: 'PAY.JP/Register a card (token 3-D Secure)',
  id: 'payjp-token',
  component: PayjpTokenDemo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof PayjpTokenDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

function tokenStory(workflow: ThreeDSecureWorkflow, outcome: PayjpOutcome, expected: { text: string } | { code: string }): Story {
  return {
    args: { workflow },
    play: async ({ canvas, canvasElement, userEvent }) => {
      await typePayjsCard(canvasElement, userEvent);
      await userEvent.type(canvas.getByLabelText('カード名義（ローマ字）'), 'TARO YAMADA');
      await userEvent.type(canvas.getByLabelText('メールアドレス'), 'taro@example.jp');
      const button = canvas.getByRole('button', { name: 'カードを登録する' });
      await waitFor(() => expect(button).toBeEnabled(), { timeout: 10_000 });
      await completeChallenge(workflow, canvasElement, outcome, () => userEvent.click(button));
      if ('text' in expected) await expect(await canvas.findByText(expected.text, {}, { timeout: 15_000 })).toBeVisible();
      else await expect(await canvas.findByRole('alert', {}, { timeout: 15_000 })).toHaveAttribute('data-error-code', expected.code);
    },
  };
}

const REGISTERED = { text: 'カードを登録しました（3Dセキュア認証済み）。' };

export const IframeVerified = tokenStory('iframe', 'verified', REGISTERED);
export const SubwindowVerified = tokenStory('subwindow', 'verified', REGISTERED);
export const RedirectVerified = tokenStory('redirect', 'verified', { text: 'カードの本人認証が完了しました。' });
export const IframeFailed = tokenStory('iframe', 'failed', { code: 'three_d_secure_failed' });
export const IframeClosed = tokenStory('iframe', 'abandon', { code: 'canceled' });
