// A late issuer result in Chromium, against the sandbox's stand-in pay.js, its slow issuer and the
// kit's handler (vitest.config.ts). The test holds the sandbox's clock still while the slow result
// is due, so the result lands only when the test releases it: past the 10 s after which the kit says
// it is still confirming, without minutes of real waiting.
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ATTEMPT_STORAGE_KEY } from '../../src/core/attempt/attemptStore';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { PayjpCheckout } from '../../src/react/PayjpCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { VerifyCardButton } from '../../src/react/VerifyCardButton';

declare module 'vitest/browser' {
  interface BrowserCommands {
    holdSandboxClock(): Promise<void>;
    releaseSandboxClock(): Promise<void>;
  }
}

const STILL_CONFIRMING = 'カード会社の結果を確認しています。このページを離れても、戻ったときに続きを確認します。';
const SUCCEEDED = 'カードの本人認証が完了しました。';
const backend = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [location.origin] });

async function demoCardId(): Promise<string> {
  const answer = (await (await fetch('/api/payjp-demo/cards')).json()) as { cards: Array<{ id: string }> };
  return answer.cards[0]!.id;
}

function ui(cardId: string) {
  return (
    <StrictMode>
      <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow="iframe">
        <VerifyCardButton cardId={cardId} />
      </ThreeDSecureProvider>
    </StrictMode>
  );
}

/** The sandbox issuer's "slow" button, in whichever iframe pay.js put on the page. */
function slowButton(): HTMLButtonElement | null {
  for (const frame of document.querySelectorAll('iframe')) {
    const button = frame.contentDocument?.querySelector<HTMLButtonElement>('[data-outcome="slow"]');
    if (button) return button;
  }
  return null;
}

/** Counts the verification requests the page creates. */
function countCreates() {
  const creates: string[] = [];
  const originalFetch = window.fetch.bind(window);
  vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'POST' && url.endsWith('/api/payjp/card-verifications')) creates.push(url);
    return originalFetch(input, init);
  });
  return creates;
}

async function challengeSlowly(screen: Awaited<ReturnType<typeof render>>) {
  await screen.getByRole('button', { name: 'カードの本人認証をする' }).click();
  await expect.poll(slowButton, { timeout: 15_000 }).toBeTruthy();
  // Held from here, the slow issuer's result (due slowIssuerMs after the page completes) never comes.
  await commands.holdSandboxClock();
  slowButton()!.click();
}

afterEach(async () => {
  await commands.releaseSandboxClock();
  vi.restoreAllMocks();
  sessionStorage.removeItem(ATTEMPT_STORAGE_KEY);
});

describe('a late issuer result in Chromium', () => {
  it('shows and announces "still confirming", then succeeds when the result lands', { timeout: 60_000 }, async () => {
    const screen = await render(ui(await demoCardId()));
    await challengeSlowly(screen);
    // The iframe attempt is saved while the result is awaited.
    await expect.poll(() => JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? 'null'), { timeout: 10_000 }).toMatchObject({ kind: 'card', workflow: 'iframe' });
    const status = screen.getByRole('status');
    await expect.element(status, { timeout: 20_000 }).toHaveTextContent(STILL_CONFIRMING);
    expect(status.element().getAttribute('aria-live')).toBe('polite');
    await commands.releaseSandboxClock();
    await expect.element(screen.getByText(SUCCEEDED), { timeout: 30_000 }).toBeVisible();
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });

  it('leaving and coming back (a fresh page over the same sessionStorage) resumes confirming without a second challenge', { timeout: 60_000 }, async () => {
    const creates = countCreates();
    const cardId = await demoCardId();
    const first = await render(ui(cardId));
    await challengeSlowly(first);
    await expect.element(first.getByText('認証結果を確認しています…'), { timeout: 10_000 }).toBeVisible();
    await first.unmount();

    const back = await render(ui(cardId));
    // On mount the button finds the attempt saved for this card and confirms it.
    await expect.element(back.getByRole('status'), { timeout: 20_000 }).toHaveTextContent(STILL_CONFIRMING);
    expect(slowButton()).toBeNull();
    await commands.releaseSandboxClock();
    await expect.element(back.getByText(SUCCEEDED), { timeout: 30_000 }).toBeVisible();
    expect(creates).toHaveLength(1);
  });

  it('a sub-window charge whose result is late is finished exactly once, after "still confirming"', { timeout: 90_000 }, async () => {
    const finishes: string[] = [];
    const originalFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST' && /\/api\/payjp\/charges\/[^/]+\/finish$/.test(url)) finishes.push(url);
      return originalFetch(input, init);
    });
    const popups: Window[] = [];
    const originalOpen = window.open.bind(window);
    vi.spyOn(window, 'open').mockImplementation((...args) => {
      const popup = originalOpen(...args);
      if (popup) popups.push(popup);
      return popup;
    });
    const screen = await render(
      <ThreeDSecureProvider backend={backend} publicKey="pk_test_sandbox" jsUrl="/payjs/v2/pay.js" workflow="subwindow">
        <PayjpCheckout order={{ cart: 'basic' }} />
      </ThreeDSecureProvider>,
    );
    const field = (name: string) => document.querySelector<HTMLInputElement>(`[data-payjs-field="${name}"]`);
    await expect.poll(() => field('cvc'), { timeout: 15_000 }).toBeTruthy();
    await userEvent.type(field('number')!, '4242424242424242');
    await userEvent.type(field('expiry')!, '1230');
    await userEvent.type(field('cvc')!, '123');
    await userEvent.type(screen.getByLabelText('カード名義（ローマ字）'), 'TARO YAMADA');
    await userEvent.type(screen.getByLabelText('メールアドレス'), 'taro@example.jp');
    const pay = screen.getByRole('button', { name: '支払う' });
    await expect.element(pay, { timeout: 15_000 }).toBeEnabled();
    await pay.click();
    const slow = () => popups[0]?.document?.querySelector<HTMLButtonElement>('[data-outcome="slow"]') ?? null;
    await expect.poll(slow, { timeout: 15_000 }).toBeTruthy();
    await commands.holdSandboxClock();
    slow()!.click();
    await expect.poll(() => JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? 'null'), { timeout: 10_000 }).toMatchObject({ kind: 'charge', workflow: 'subwindow' });
    await expect.element(screen.getByRole('status'), { timeout: 20_000 }).toHaveTextContent(STILL_CONFIRMING);
    expect(finishes).toHaveLength(0);
    await commands.releaseSandboxClock();
    await expect.element(screen.getByText('お支払いが完了しました。'), { timeout: 30_000 }).toBeVisible();
    expect(finishes).toHaveLength(1);
    expect(sessionStorage.getItem(ATTEMPT_STORAGE_KEY)).toBeNull();
  });
});
