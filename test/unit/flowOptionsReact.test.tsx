import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { usePayjpCharge } from '../../src/react/usePayjpCharge';
import { VerifyCardButton } from '../../src/react/VerifyCardButton';
import { charge, mockPayjpBackend } from '../support/mockPayjp';

const wrapper =
  (backend: PayjpBackend) =>
  ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <ThreeDSecureProvider backend={backend} workflow="redirect">
        {children}
      </ThreeDSecureProvider>
    </StrictMode>
  );

beforeEach(() => sessionStorage.clear());

describe('PAY.JP hooks and components: options changed after mount take effect', () => {
  it('fires the latest onSucceeded exactly once under StrictMode (the flow fires it, not an effect)', async () => {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'charge', resourceId: 'ch_1', createdAt: 0, workflow: 'subwindow' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const backend = mockPayjpBackend({
      getCharge: vi.fn(async () => {
        await gate;
        return charge({ outcome: 'succeeded', paid: true, threeDSecureStatus: 'verified' });
      }),
    });
    const first = vi.fn();
    const latest = vi.fn();
    const { result, rerender } = renderHook(({ onSucceeded }) => usePayjpCharge({ onSucceeded }), { wrapper: wrapper(backend), initialProps: { onSucceeded: first } });
    rerender({ onSucceeded: latest });
    await act(async () => release());
    await waitFor(() => expect(result.current.status).toBe('succeeded'));
    expect(latest).toHaveBeenCalledTimes(1);
    expect(latest.mock.calls[0]![0]).toMatchObject({ status: 'succeeded', result: { id: 'ch_1' } });
    expect(first).not.toHaveBeenCalled();
    expect(backend.getCharge).toHaveBeenCalledTimes(1);
  });

  it('VerifyCardButton uses the navigate and returnUrl props of the latest render', async () => {
    const backend = mockPayjpBackend();
    const before = vi.fn();
    const after = vi.fn();
    const ui = (navigate: (url: string) => void, returnUrl: string) => (
      <StrictMode>
        <ThreeDSecureProvider backend={backend} workflow="redirect">
          <VerifyCardButton cardId="car_1" navigate={navigate} returnUrl={returnUrl} />
        </ThreeDSecureProvider>
      </StrictMode>
    );
    const { rerender } = render(ui(before, 'https://shop.example/a'));
    rerender(ui(after, 'https://shop.example/b'));
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(after).toHaveBeenCalledTimes(1));
    expect(before).not.toHaveBeenCalled();
    expect(backend.createRedirectUrl).toHaveBeenCalledWith('tdsr_1', { returnUrl: 'https://shop.example/b' }, expect.anything());
  });
});
