import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import type { ThreeDSecureWorkflow } from '../src/core';
import { PayjpDemo } from './support/PayjpDemo';
import { completeChallenge, pressInOverlay, type PayjpOutcome } from './support/payjpChallenge';

/**
 * PAY.JP customer-card 3-D Secure (顧客カードに対する3Dセキュア), live against the sandbox: every
 * outcome with each workflow. The issuer page's outcome buttons are a sandbox convenience.
 */
const meta = {
  title: 'PAY.JP/Verify a saved card',
  id: 'payjp-verify-card',
  component: PayjpDemo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof PayjpDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const VERIFY = 'カードの本人認証をする';
const SUCCEEDED = 'カードの本人認証が完了しました。';

/** What each outcome ends in: success text, or the error code shown in the alert. */
function expected(outcome: PayjpOutcome, workflow: ThreeDSecureWorkflow): { text: string } | { code: string } {
  if (outcome === 'verified' || outcome === 'attempted' || outcome === 'slow') return { text: SUCCEEDED };
  if (outcome === 'abandon') return { code: workflow === 'redirect' ? 'status_unknown' : 'canceled' };
  return { code: 'three_d_secure_failed' };
}

function outcomeStory(workflow: ThreeDSecureWorkflow, outcome: PayjpOutcome): Story {
  return {
    args: { workflow },
    play: async ({ canvas, canvasElement, userEvent }) => {
      const button = await canvas.findByRole('button', { name: VERIFY }, { timeout: 10_000 });
      await completeChallenge(workflow, canvasElement, outcome, () => userEvent.click(button));
      const want = expected(outcome, workflow);
      // 30 s: an abandoned redirect confirms for about 10 s by design, and CI machines are slow.
      if ('text' in want) {
        await expect(await canvas.findByText(want.text, {}, { timeout: 30_000 })).toBeVisible();
      } else {
        const alert = await canvas.findByRole('alert', {}, { timeout: 30_000 });
        await expect(alert).toHaveAttribute('data-error-code', want.code);
      }
      // Nothing of pay.js's is left on the page.
      await waitFor(() => expect(document.querySelector('[role=dialog] iframe')).toBeNull());
    },
  };
}

export const IframeVerified = outcomeStory('iframe', 'verified');
export const IframeAttempted = outcomeStory('iframe', 'attempted');
export const IframeFailed = outcomeStory('iframe', 'failed');
export const IframeError = outcomeStory('iframe', 'error');
export const IframeSlowIssuer = outcomeStory('iframe', 'slow');
export const IframeAbandoned = outcomeStory('iframe', 'abandon');

export const SubwindowVerified = outcomeStory('subwindow', 'verified');
export const SubwindowAttempted = outcomeStory('subwindow', 'attempted');
export const SubwindowFailed = outcomeStory('subwindow', 'failed');
export const SubwindowError = outcomeStory('subwindow', 'error');
export const SubwindowSlowIssuer = outcomeStory('subwindow', 'slow');
export const SubwindowAbandoned = outcomeStory('subwindow', 'abandon');

export const RedirectVerified = outcomeStory('redirect', 'verified');
export const RedirectAttempted = outcomeStory('redirect', 'attempted');
export const RedirectFailed = outcomeStory('redirect', 'failed');
export const RedirectError = outcomeStory('redirect', 'error');
export const RedirectSlowIssuer = outcomeStory('redirect', 'slow');
export const RedirectAbandoned = outcomeStory('redirect', 'abandon');

/** The browser blocks the sub-window: the kit falls back to the iframe instead of hanging. */
export const SubwindowBlockedFallsBackToIframe: Story = {
  args: { workflow: 'subwindow' },
  play: async ({ canvas, userEvent }) => {
    const original = window.open;
    window.open = () => null;
    try {
      await userEvent.click(await canvas.findByRole('button', { name: VERIFY }, { timeout: 10_000 }));
      await pressInOverlay('verified');
    } finally {
      window.open = original;
    }
    await expect(await canvas.findByText(SUCCEEDED, {}, { timeout: 15_000 })).toBeVisible();
  },
};

/** The merchant refuses `attempted` (acceptAttempted: false on the server). */
export const AttemptedRefusedByPolicy: Story = {
  args: { policy: 'strict' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: VERIFY }, { timeout: 10_000 }));
    await pressInOverlay('attempted');
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'attempted_not_accepted');
  },
};

/** Somebody else's card: the server answers 404 and nothing opens. */
export const AnotherCustomersCard: Story = {
  args: { othersCard: true },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: VERIFY }, { timeout: 10_000 }));
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveAttribute('data-error-code', 'not_found');
    await expect(document.querySelector('[role=dialog] iframe')).toBeNull();
  },
};

export const InEnglish: Story = {
  args: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify this card' }, { timeout: 10_000 }));
    await pressInOverlay('verified');
    await expect(await canvas.findByText('The card has been verified.', {}, { timeout: 15_000 })).toBeVisible();
  },
};
