import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, type within } from 'storybook/test';
import { createPayjpBackend } from '../src/core';
import { ThreeDSecureProvider, useThreeDSecure } from '../src/react';
import { POLL_DELAYS_MS, useDemoCards } from './support/PayjpDemo';
import { pressInOverlay } from './support/payjpChallenge';

const PLANS = { standard: 'スタンダード（月額 980円）', premium: 'プレミアム（月額 1,980円）' } as const;

/**
 * The seed's example: a subscriber asks for a plan change, and the shop confirms it is really the
 * cardholder with 3-D Secure on the saved card first. Verified or attempted → change the plan;
 * otherwise keep the plan. Either way the card stays usable for the current subscription.
 * (A real server re-reads the verification itself before changing anything.)
 */
function PlanChangePage() {
  const cards = useDemoCards();
  const { start, state, error } = useThreeDSecure({ pollDelaysMs: POLL_DELAYS_MS });
  const [plan, setPlan] = useState<keyof typeof PLANS>('standard');
  const card = cards?.cards[0];

  const changePlan = async () => {
    if (!card) return;
    const result = await start({ cardId: card.id });
    if (result.status === 'succeeded') setPlan('premium');
  };

  const busy = state === 'creating' || state === 'challenging' || state === 'verifying';
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560 }}>
      <h1 style={{ fontSize: 20 }}>プランの変更</h1>
      <p>
        現在のプラン: <strong>{PLANS[plan]}</strong>
      </p>
      {plan === 'standard' ? (
        <>
          <p>
            {PLANS.premium} に変更します。お支払いは登録済みのカード{card ? `（${card.brand} •••• ${card.last4}）` : ''}
            で行います。変更の前に、カードの本人認証（3Dセキュア）を行います。
          </p>
          <button type="button" onClick={() => void changePlan()} disabled={!card || busy}>
            本人認証してプランを変更する
          </button>
        </>
      ) : null}
      <p role="status" aria-live="polite">
        {busy ? '本人認証を行っています…' : plan === 'premium' ? 'プランをプレミアムに変更しました。' : ''}
      </p>
      {error && state !== 'succeeded' ? (
        <div role="alert" data-error-code={error.code}>
          本人認証ができなかったため、プランは変更していません。カードは引き続き現在のプランでご利用いただけます。
        </div>
      ) : null}
    </main>
  );
}

/** Clicks the change button once the saved card has loaded. */
async function requestChange(canvas: ReturnType<typeof within>, click: (element: Element) => Promise<void>) {
  const button = await canvas.findByRole('button', { name: '本人認証してプランを変更する' }, { timeout: 10_000 });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 10_000 });
  await click(button);
}

const meta = {
  title: 'PAY.JP/Plan change (seed example)',
  id: 'payjp-plan-change',
  render: () => (
    <ThreeDSecureProvider
      backend={createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [window.location.origin] })}
      publicKey="pk_test_sandbox"
      jsUrl="/payjs/v2/pay.js"
    >
      <PlanChangePage />
    </ThreeDSecureProvider>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const VerifiedChangesThePlan: Story = {
  play: async ({ canvas, userEvent }) => {
    await requestChange(canvas, (button) => userEvent.click(button));
    await pressInOverlay('verified');
    await expect(await canvas.findByText('プランをプレミアムに変更しました。', {}, { timeout: 15_000 })).toBeVisible();
  },
};

export const FailedKeepsThePlan: Story = {
  play: async ({ canvas, userEvent }) => {
    await requestChange(canvas, (button) => userEvent.click(button));
    await pressInOverlay('failed');
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 });
    await expect(alert).toHaveTextContent('プランは変更していません');
    await expect(canvas.getByText(PLANS.standard)).toBeVisible();
  },
};
