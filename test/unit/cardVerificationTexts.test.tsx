import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { CardVerification } from '../../src/core/payjp/protocol';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { ThreeDSecureReturnStatus } from '../../src/react/ThreeDSecureReturnStatus';
import { VerifyCardButton } from '../../src/react/VerifyCardButton';

const PAYMENT_WORDS = /決済|支払|payment|charge/i;

function verification(patch: Partial<CardVerification> = {}): CardVerification {
  return {
    id: 'tdsr_1',
    cardId: 'car_1',
    state: 'finished',
    threeDSecureStatus: 'failed',
    outcome: 'failed',
    createdAt: 1,
    startedAt: 1,
    resultReceivedAt: 1,
    finishedAt: 1,
    expiredAt: null,
    ...patch,
  };
}

function backend(answer: () => Promise<CardVerification>): PayjpBackend {
  const unused = vi.fn(async () => Promise.reject(new Error('not called')));
  return {
    provider: 'payjp',
    createCardVerification: unused,
    getCardVerification: vi.fn(answer),
    createCharge: unused,
    getCharge: unused,
    finishCharge: unused,
    finishToken: unused,
    createRedirectUrl: unused,
  };
}

beforeEach(() => sessionStorage.clear());

describe('card verification speaks of the card, not of a payment', { timeout: 30_000 }, () => {
  it.each(['ja', 'en'] as const)('%s: <VerifyCardButton> after a failed challenge', async (locale) => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'card', resourceId: 'tdsr_1', cardId: 'car_1', createdAt: Date.now(), workflow: 'iframe' });
    render(
      <ThreeDSecureProvider backend={backend(async () => verification())} publicKey="pk_test_x" jsUrl="https://js.example.test/never.js" locale={locale}>
        <VerifyCardButton cardId="car_1" pollDelaysMs={[0]} />
      </ThreeDSecureProvider>,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveAttribute('data-error-code', 'three_d_secure_failed');
    expect(alert.textContent).not.toMatch(PAYMENT_WORDS);
    expect(alert).toHaveTextContent(locale === 'ja' ? 'カードの本人認証は完了していません' : 'The card has not been verified');
  });

  it('<ThreeDSecureReturnStatus> for a saved card attempt: checking and failure in card words', async () => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'card', resourceId: 'tdsr_1', cardId: 'car_1', createdAt: Date.now() });
    let answer: (value: CardVerification) => void = () => undefined;
    render(
      <ThreeDSecureProvider backend={backend(() => new Promise((resolve) => (answer = resolve)))} workflow="redirect">
        <ThreeDSecureReturnStatus pollDelaysMs={[0]} />
      </ThreeDSecureProvider>,
    );
    expect(await screen.findByText('認証結果を確認しています…', {}, { timeout: 10_000 })).toBeInTheDocument();
    answer(verification());
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveAttribute('data-error-code', 'three_d_secure_failed');
    expect(alert.textContent).not.toMatch(PAYMENT_WORDS);
  });

  it('<ThreeDSecureReturnStatus subject="card"> with nothing saved: no payment words; without it, the payment text as before', async () => {
    const view = render(
      <ThreeDSecureProvider backend={backend(async () => verification())} workflow="redirect">
        <ThreeDSecureReturnStatus subject="card" />
      </ThreeDSecureProvider>,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveAttribute('data-error-code', 'no_pending_attempt');
    expect(alert).toHaveTextContent('確認中のカードの本人認証が見つかりませんでした。');
    view.unmount();
    render(
      <ThreeDSecureProvider backend={backend(async () => verification())} workflow="redirect">
        <ThreeDSecureReturnStatus />
      </ThreeDSecureProvider>,
    );
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent('確認中のお支払いが見つかりませんでした。');
  });
});
