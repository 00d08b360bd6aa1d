// useThreeDSecure / <VerifyCardButton> in Chromium against the sandbox's stand-in pay.js and the
// kit's handler (mounted on the test server by vitest.config.ts): exactly once, and nothing left behind.
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { VerifyCardButton } from '../../src/react/VerifyCardButton';
import type { ThreeDSecureWorkflow } from '../../src/core/payjp/payjs';
import { payjsOverlays } from '../support/payjsUi';

async function demoCardId(): Promise<string> {
  const answer = (await (await fetch('/api/payjp-demo/cards')).json()) as { cards: Array<{ id: string }> };
  return answer.cards[0]!.id;
}

function ui(cardId: string, workflow: ThreeDSecureWorkflow = 'iframe') {
  return (
    <StrictMode>
      <ThreeDSecureProvider
        backend={createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [location.origin] })}
        publicKey="pk_test_sandbox"
        jsUrl="/payjs/v2/pay.js"
        workflow={workflow}
      >
        <VerifyCardButton cardId={cardId} pollDelaysMs={[0, 200, 400, 800]} />
      </ThreeDSecureProvider>
    </StrictMode>
  );
}

const overlays = payjsOverlays;

/** Counts window 'message' listeners added and not removed while it is installed. */
function countMessageListeners() {
  const live = new Set<unknown>();
  const add = vi.spyOn(window, 'addEventListener').mockImplementation(function (this: Window, type, listener, options) {
    if (type === 'message') live.add(listener);
    return EventTarget.prototype.addEventListener.call(this, type, listener, options);
  });
  const remove = vi.spyOn(window, 'removeEventListener').mockImplementation(function (this: Window, type, listener, options) {
    if (type === 'message') live.delete(listener);
    return EventTarget.prototype.removeEventListener.call(this, type, listener, options);
  });
  return { live: () => live.size, restore: () => (add.mockRestore(), remove.mockRestore()) };
}

afterEach(() => {
  vi.restoreAllMocks();
  overlays().forEach((overlay) => overlay.remove());
});

describe('customer-card 3-D Secure in Chromium', () => {
  it('double clicks under StrictMode create one request and open one challenge', async () => {
    const creates: string[] = [];
    const originalFetch = window.fetch.bind(window);
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST' && url.endsWith('/api/payjp/card-verifications')) creates.push(url);
      return originalFetch(input, init);
    });
    const screen = await render(ui(await demoCardId()));
    const button = screen.getByRole('button', { name: 'カードの本人認証をする' });
    await button.element().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    (button.element() as HTMLButtonElement).click();
    await expect.poll(() => overlays().length, { timeout: 10_000 }).toBe(1);
    const frame = overlays()[0]!.querySelector('iframe')!;
    await expect.poll(() => frame.contentDocument?.querySelector('[data-outcome="verified"]'), { timeout: 10_000 }).toBeTruthy();
    frame.contentDocument!.querySelector<HTMLButtonElement>('[data-outcome="verified"]')!.click();
    await expect.element(screen.getByText('カードの本人認証が完了しました。')).toBeVisible();
    expect(creates).toHaveLength(1);
    expect(overlays()).toHaveLength(0);
  });

  it('unmounting during the iframe challenge leaves no overlay and no message listener, and a new one can open', async () => {
    const listeners = countMessageListeners();
    const cardId = await demoCardId();
    const screen = await render(ui(cardId));
    await screen.getByRole('button', { name: 'カードの本人認証をする' }).click();
    await expect.poll(() => overlays().length, { timeout: 10_000 }).toBe(1);
    expect(listeners.live()).toBeGreaterThan(0);
    await screen.unmount();
    await expect.poll(() => overlays().length).toBe(0);
    await expect.poll(() => listeners.live()).toBe(0);
    listeners.restore();

    const again = await render(ui(cardId));
    await again.getByRole('button', { name: 'カードの本人認証をする' }).click();
    await expect.poll(() => overlays().length, { timeout: 10_000 }).toBe(1);
  });

  it('unmounting during the sub-window challenge closes the popup', async () => {
    const opened: Window[] = [];
    const originalOpen = window.open.bind(window);
    vi.spyOn(window, 'open').mockImplementation((...args) => {
      const popup = originalOpen(...args);
      if (popup) opened.push(popup);
      return popup;
    });
    const screen = await render(ui(await demoCardId(), 'subwindow'));
    await screen.getByRole('button', { name: 'カードの本人認証をする' }).click();
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(1);
    expect(opened[0]!.closed).toBe(false);
    await screen.unmount();
    await expect.poll(() => opened[0]!.closed).toBe(true);
  });
});
