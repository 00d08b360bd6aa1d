// F6, F9 in Chromium: the return page believes neither the URL nor sessionStorage. A Kuroco order
// that is paid shows success whatever `dsec_error` says, and a tampered saved attempt renders as
// "no payment in progress" (never a success, never a crash) without asking the backend.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { ATTEMPT_STORAGE_KEY } from '../../src/core/attempt/attemptStore';
import type { KurocoBackend, KurocoPaymentStatus } from '../../src/core/kuroco/types';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { ThreeDSecureReturnStatus } from '../../src/react/ThreeDSecureReturnStatus';

const RETURN_PAGE = 'https://shop.example/order/3dsec/';

function backendAnswering(status: KurocoPaymentStatus) {
  const getPaymentStatus = vi.fn(async () => status);
  const backend: KurocoBackend = { provider: 'kuroco', returnPath: '/order/3dsec/', purchase: vi.fn(), getPaymentStatus };
  return { backend, getPaymentStatus };
}

const storedOutcome = () => (JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? 'null') as { outcome?: unknown } | null)?.outcome;

async function show(backend: KurocoBackend, url = RETURN_PAGE) {
  const screen = await render(
    <ThreeDSecureProvider backend={backend} locale="en">
      <ThreeDSecureReturnStatus url={url} pollDelaysMs={[0]} />
    </ThreeDSecureProvider>,
  );
  const root = () => screen.container.querySelector('[data-state]');
  await vi.waitFor(() => expect(root()?.getAttribute('data-state')).not.toBe('checking'), { timeout: 10_000 });
  return { state: root()!.getAttribute('data-state'), code: screen.container.querySelector('[role=alert]')?.getAttribute('data-error-code'), text: root()!.textContent ?? '' };
}

describe('dsec_error on a Kuroco return page is a claim, not a verdict', () => {
  it.each(['?dsec_error=1', '?dsec_error=%31', '?dsec%5Ferror=1'])('a paid order shows success despite %s, and is settled as one', async (query) => {
    sessionStorage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ provider: 'kuroco', id: 'att_1', orderIds: [1001], createdAt: 1 }));
    const { backend, getPaymentStatus } = backendAnswering('paid');
    const shown = await show(backend, `${RETURN_PAGE}${query}`);
    expect(shown.state).toBe('succeeded');
    expect(shown.text).toContain('Payment complete.');
    expect(getPaymentStatus).toHaveBeenCalledTimes(1);
    expect(storedOutcome()).toEqual({ status: 'succeeded' });
  });

  it('an order Kuroco has no verdict on is not settled as failed: the attempt stays for a reload', async () => {
    sessionStorage.setItem(ATTEMPT_STORAGE_KEY, JSON.stringify({ provider: 'kuroco', id: 'att_1', orderIds: [1001], createdAt: 1 }));
    const shown = await show(backendAnswering('pending').backend, `${RETURN_PAGE}?dsec_error=1`);
    expect(shown.code).toBe('three_d_secure_failed');
    expect(storedOutcome()).toBeUndefined();
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).not.toBeNull();
  });
});

describe('a tampered saved attempt', () => {
  const tampered: Array<[string, string]> = [
    ['orderIds: []', JSON.stringify({ provider: 'kuroco', id: 'att_1', orderIds: [], createdAt: 1 })],
    ['a stored success with orderIds: []', JSON.stringify({ provider: 'kuroco', id: 'att_1', orderIds: [], createdAt: 1, outcome: { status: 'succeeded' } })],
    ['outcome code constructor', JSON.stringify({ provider: 'kuroco', id: 'att_1', orderIds: [1], createdAt: 1, outcome: { status: 'failed', code: 'constructor' } })],
    ['outcome code toString', JSON.stringify({ provider: 'kuroco', id: 'att_1', orderIds: [1], createdAt: 1, outcome: { status: 'failed', code: 'toString' } })],
    ['outcome code __proto__', '{"provider":"kuroco","id":"att_1","orderIds":[1],"createdAt":1,"outcome":{"status":"failed","code":"__proto__"}}'],
  ];

  it.each(tampered)('%s renders as no payment in progress, without a request', async (_name, raw) => {
    sessionStorage.setItem(ATTEMPT_STORAGE_KEY, raw);
    const { backend, getPaymentStatus } = backendAnswering('paid');
    const shown = await show(backend);
    expect(shown.state).toBe('failed');
    expect(shown.code).toBe('no_pending_attempt');
    expect(shown.text).toContain('No payment in progress was found.');
    expect(getPaymentStatus).not.toHaveBeenCalled();
  });
});
