import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_STORAGE_KEY, createAttemptStore } from '../../src/core/attempt/attemptStore';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { ChargeSummary } from '../../src/core/payjp/protocol';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { ThreeDSecureReturnStatus } from '../../src/react/ThreeDSecureReturnStatus';
import { usePayjpCharge } from '../../src/react/usePayjpCharge';

const MINUTE = 60_000;
const STILL_JA = 'カード会社の結果を確認しています。このページを離れても、戻ったときに続きを確認します。';
const STILL_EN = 'Still waiting for your card issuer’s result. You can leave this page: when you come back, we will continue checking.';

function charge(patch: Partial<ChargeSummary> = {}): ChargeSummary {
  return { id: 'ch_1', amount: 1200, currency: 'jpy', paid: false, captured: false, threeDSecureStatus: 'unverified', outcome: 'pending', createdAt: 1, ...patch };
}

/** A backend whose charge verifies at `landsAt` (fake clock). */
function backendLandingAt(landsAt: number): PayjpBackend {
  const paid = charge({ paid: true, captured: true, threeDSecureStatus: 'verified', outcome: 'succeeded' });
  return {
    provider: 'payjp',
    createCardVerification: vi.fn(),
    getCardVerification: vi.fn(),
    createRedirectUrl: vi.fn(),
    createCharge: vi.fn(),
    getCharge: vi.fn(async () => (Date.now() >= landsAt ? charge({ threeDSecureStatus: 'verified' }) : charge())),
    finishCharge: vi.fn(async () => (Date.now() >= landsAt ? paid : charge())),
    finishToken: vi.fn(),
  };
}

const wrapper =
  (backend: PayjpBackend, extra: { locale?: 'ja' | 'en'; confirmTimeoutMs?: number } = {}) =>
  ({ children }: { children: ReactNode }) => (
    <ThreeDSecureProvider backend={backend} workflow="redirect" {...extra}>
      {children}
    </ThreeDSecureProvider>
  );

const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('usePayjpCharge after a reload', () => {
  it('resumes the saved sub-window charge on mount, says "still confirming", and finishes it once', async () => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'charge', resourceId: 'ch_1', createdAt: 0, workflow: 'subwindow' });
    const backend = backendLandingAt(2 * MINUTE);
    const { result } = renderHook(() => usePayjpCharge(), { wrapper: wrapper(backend) });
    await tick(1000);
    expect(result.current.state).toBe('finishing');
    expect(result.current.stillConfirming).toBe(false);
    await tick(10_000);
    expect(result.current.stillConfirming).toBe(true);
    for (let i = 0; i < 130 && result.current.state === 'finishing'; i++) await tick(1000);
    expect(result.current.state).toBe('succeeded');
    expect(result.current.charge?.paid).toBe(true);
    expect(backend.finishCharge).toHaveBeenCalledTimes(1);
    expect(backend.createCharge).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  it('leaves a redirect attempt to the return page, and honours resumeOnMount: false', async () => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'charge', resourceId: 'ch_1', createdAt: 0 });
    const backend = backendLandingAt(0);
    const { result, unmount } = renderHook(() => usePayjpCharge(), { wrapper: wrapper(backend) });
    await tick(1000);
    expect(result.current.state).toBe('idle');
    unmount();
    createAttemptStore().save({ provider: 'payjp', id: 'att_2', kind: 'charge', resourceId: 'ch_1', createdAt: 0, workflow: 'iframe' });
    const second = renderHook(() => usePayjpCharge({ resumeOnMount: false }), { wrapper: wrapper(backend) });
    await tick(1000);
    expect(second.result.current).toMatchObject({ state: 'idle' });
    expect(backend.getCharge).not.toHaveBeenCalled();
  });
});

describe('<ThreeDSecureReturnStatus> with a late PAY.JP result', () => {
  it.each([
    ['ja', STILL_JA, 'お支払いが完了しました。'],
    ['en', STILL_EN, 'Payment complete.'],
  ] as const)('announces "still confirming" in %s in the live region, then the success', async (locale, still, done) => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'charge', resourceId: 'ch_1', createdAt: 0 });
    render(<ThreeDSecureReturnStatus />, { wrapper: wrapper(backendLandingAt(3 * MINUTE), { locale }) });
    const status = screen.getByRole('status');
    await tick(5000);
    expect(status).not.toHaveTextContent(still);
    await tick(6000);
    expect(status).toHaveTextContent(still);
    expect(status).toHaveAttribute('aria-live', 'polite');
    for (let i = 0; i < 200 && !status.textContent?.includes(done); i++) await tick(1000);
    expect(status).toHaveTextContent(done);
  });

  it('gives up after the provider’s confirmTimeoutMs with a check-again button', async () => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'charge', resourceId: 'ch_1', createdAt: 0 });
    render(<ThreeDSecureReturnStatus />, { wrapper: wrapper(backendLandingAt(10 * MINUTE), { confirmTimeoutMs: MINUTE }) });
    await tick(MINUTE + 1000);
    expect(screen.getByRole('alert')).toHaveAttribute('data-error-code', 'status_unknown');
    expect(screen.getByRole('button', { name: 'もう一度確認する' })).toBeInTheDocument();
  });
});
