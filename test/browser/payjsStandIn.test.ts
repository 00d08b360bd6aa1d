// The stand-in pay.js in Chromium, against the sandbox mounted on the test server's own origin:
// the iframe overlay, the sub-window (real popup), cancel / blocked / timeout, and cleanup.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPayjp } from '../../src/core/payjp/loadPayjp';
import { payjsOverlays, removePayjsOverlays } from '../support/payjsUi';

interface DialogOptions {
  timeout?: number;
  windowFeatures?: { width?: number; height?: number; top?: number; left?: number; popup?: boolean };
}
interface PayjpInstance {
  getPublicKey(): string;
  openThreeDSecureIframe(id: string): Promise<void>;
  openThreeDSecureDialog(id: string, options?: number | DialogOptions): Promise<void>;
}
type PayjpFactory = (publicKey: string, options?: { threeDSecureWorkflow?: string; locale?: 'ja' | 'en' }) => PayjpInstance;

const PK = 'pk_test_sandbox';
const SK = 'sk_test_sandbox';
const payjpFactory = () => (window as unknown as { Payjp: PayjpFactory }).Payjp;

// The kit's own loader puts the stand-in on the page, as the provider would (nothing returned:
// Vitest would run a returned function as teardown).
beforeAll(async () => {
  await loadPayjp({ jsUrl: '/payjs/v2/pay.js' });
});

const popups: Window[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const popup of popups.splice(0)) if (!popup.closed) popup.close();
  removePayjsOverlays();
});

async function post(path: string, form: Record<string, string>, key = SK): Promise<Record<string, unknown>> {
  const response = await fetch(`/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Basic ${btoa(`${key}:`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function tdsr(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`/v1/three_d_secure_requests/${id}`, { headers: { Authorization: `Basic ${btoa(`${SK}:`)}` } });
  return (await response.json()) as Record<string, unknown>;
}

/** A customer card (token made with the public key, as payjs would) and a fresh tdsr on it. */
async function newTdsr(): Promise<string> {
  const token = await post('/tokens', { 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2035', 'card[cvc]': '123' }, PK);
  const customer = await post('/customers', { card: String(token.id) });
  const request = await post('/three_d_secure_requests', { resource_id: String(customer.default_card) });
  return String(request.id);
}

/** Waits until `win` shows the challenge page, then clicks an outcome button. */
async function choose(win: () => Window | null | undefined, outcome: string): Promise<void> {
  const button = await vi.waitFor(
    () => {
      const found = win()?.document.querySelector<HTMLButtonElement>(`button[data-outcome="${outcome}"]`);
      if (!found) throw new Error('challenge not shown yet');
      return found;
    },
    { timeout: 5000, interval: 20 },
  );
  button.click();
}

const overlays = payjsOverlays;

function overlayFrame(): HTMLIFrameElement {
  const frame = overlays()[0]?.querySelector('iframe');
  if (!frame) throw new Error('no overlay iframe');
  return frame;
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('Payjp()', () => {
  it('returns the payjs v2 surface and refuses secret keys', () => {
    const payjp = payjpFactory()(PK, { threeDSecureWorkflow: 'iframe' });
    expect(payjp.getPublicKey()).toBe(PK);
    expect(typeof payjp.openThreeDSecureIframe).toBe('function');
    expect(typeof payjp.openThreeDSecureDialog).toBe('function');
    expect(() => payjpFactory()(SK)).toThrow(/secret key/);
    expect(() => payjpFactory()(PK, { threeDSecureWorkflow: 'dialog' })).toThrow(TypeError);
  });
});

describe('openThreeDSecureIframe', () => {
  it('shows one labelled overlay, resolves when the challenge completes, and cleans up', async () => {
    const id = await newTdsr();
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const done = payjpFactory()(PK).openThreeDSecureIframe(id);

    expect(overlays()).toHaveLength(1);
    const overlay = overlays()[0];
    // No sandbox-only marker for a kit to key on.
    expect(overlay?.outerHTML).not.toMatch(/data-payjp/);
    const dialog = overlay?.querySelector('[role=dialog]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(dialog?.getAttribute('aria-label')).toBe('3Dセキュア認証');
    expect(overlay?.querySelector('button[aria-label="閉じる"]')).not.toBeNull();
    const frame = overlayFrame();
    expect(frame.title).toBe('3Dセキュア認証');
    const src = new URL(frame.src);
    expect(src.pathname).toBe(`/v1/tds/${id}/start`);
    expect(Object.fromEntries(src.searchParams)).toEqual({ publickey: PK, workflow: 'iframe', origin: location.origin });

    await choose(() => frame.contentWindow, 'verified');
    await expect(done).resolves.toBeUndefined();
    expect(overlays()).toHaveLength(0);
    const listener = added.mock.calls.find(([type]) => type === 'message')?.[1];
    expect(listener).toBeDefined();
    expect(removed.mock.calls.some(([type, fn]) => type === 'message' && fn === listener)).toBe(true);
    expect(await tdsr(id)).toMatchObject({ state: 'finished', three_d_secure_status: 'verified' });
  });

  it('keeps its close button in a strip above the issuer page, never over it (newcomer friction 19)', async () => {
    const id = await newTdsr();
    const done = payjpFactory()(PK).openThreeDSecureIframe(id);
    const close = overlays()[0]!.querySelector<HTMLButtonElement>('button[aria-label="閉じる"]')!;
    const frame = overlays()[0]!.querySelector('iframe')!.getBoundingClientRect();
    expect(close.getBoundingClientRect().bottom).toBeLessThanOrEqual(frame.top);
    close.click();
    expect((await rejection(done)).code).toBe('canceled');
  });

  it('rejects with code canceled when the close button is pressed', async () => {
    const id = await newTdsr();
    const done = payjpFactory()(PK).openThreeDSecureIframe(id);
    overlays()[0]?.querySelector<HTMLButtonElement>('button[aria-label="閉じる"]')?.click();
    const error = await rejection(done);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('canceled');
    expect(overlays()).toHaveLength(0);
  });

  it('rejects with code canceled on Escape and when the shopper chooses 閉じる (abandon)', async () => {
    const payjp = payjpFactory()(PK);
    const escaped = payjp.openThreeDSecureIframe(await newTdsr());
    overlays()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect((await rejection(escaped)).code).toBe('canceled');

    const id = await newTdsr();
    const abandoned = payjp.openThreeDSecureIframe(id);
    await choose(() => overlayFrame().contentWindow, 'abandon');
    expect((await rejection(abandoned)).code).toBe('canceled');
    expect(overlays()).toHaveLength(0);
    expect(await tdsr(id)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified' });
  });

  it('ignores messages from other windows', async () => {
    const id = await newTdsr();
    const done = payjpFactory()(PK).openThreeDSecureIframe(id);
    let settled = false;
    void done.then(
      () => (settled = true),
      () => (settled = true),
    );
    window.postMessage({ source: 'payjp-sandbox', type: 'three-d-secure-complete', id }, location.origin);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    expect(overlays()).toHaveLength(1);
    await choose(() => overlayFrame().contentWindow, 'failed');
    await expect(done).resolves.toBeUndefined();
    expect((await tdsr(id)).three_d_secure_status).toBe('failed');
  });

  it('refuses a second overlay while one is open', async () => {
    const payjp = payjpFactory()(PK);
    const first = payjp.openThreeDSecureIframe(await newTdsr());
    const second = await rejection(payjp.openThreeDSecureIframe(await newTdsr()));
    expect(second.code).toBe('in_progress');
    expect(overlays()).toHaveLength(1);
    overlays()[0]?.querySelector<HTMLButtonElement>('button[aria-label="閉じる"]')?.click();
    expect((await rejection(first)).code).toBe('canceled');
  });
});

describe('openThreeDSecureDialog', () => {
  it('rejects at once with code popup_blocked when window.open returns null', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const error = await rejection(payjpFactory()(PK).openThreeDSecureDialog(await newTdsr()));
    expect(open).toHaveBeenCalledOnce();
    expect(error.code).toBe('popup_blocked');
    expect(error.message).toMatch(/ポップアップ/);
  });

  it('opens the challenge in a popup and resolves when it completes there', async () => {
    const id = await newTdsr();
    const open = vi.spyOn(window, 'open');
    const removed = vi.spyOn(window, 'removeEventListener');
    const done = payjpFactory()(PK).openThreeDSecureDialog(id, { windowFeatures: { width: 400, height: 500 } });
    const popup = open.mock.results[0]?.value as Window | null;
    expect(popup).not.toBeNull();
    if (popup) popups.push(popup);
    const [url, name, features] = open.mock.calls[0] ?? [];
    expect(new URL(String(url)).searchParams.get('workflow')).toBe('subwindow');
    expect(name).toBe('payjp-3ds');
    expect(features).toContain('width=400');
    expect(features).toContain('height=500');

    await choose(() => popup, 'attempted');
    await expect(done).resolves.toBeUndefined();
    expect(removed.mock.calls.some(([type]) => type === 'message')).toBe(true);
    expect(await tdsr(id)).toMatchObject({ state: 'finished', three_d_secure_status: 'attempted' });
    await vi.waitFor(() => expect(popup?.closed).toBe(true), { timeout: 3000 });
  });

  it('rejects with code canceled when the popup is closed without completing', async () => {
    const open = vi.spyOn(window, 'open');
    const done = payjpFactory()(PK).openThreeDSecureDialog(await newTdsr());
    const popup = open.mock.results[0]?.value as Window;
    popups.push(popup);
    popup.close();
    expect((await rejection(done)).code).toBe('canceled');
  });

  it('rejects with code timeout after options.timeout (or a bare number) and closes the popup', async () => {
    const open = vi.spyOn(window, 'open');
    const payjp = payjpFactory()(PK);
    const withOptions = payjp.openThreeDSecureDialog(await newTdsr(), { timeout: 300 });
    const popup = open.mock.results[0]?.value as Window;
    popups.push(popup);
    expect((await rejection(withOptions)).code).toBe('timeout');
    await vi.waitFor(() => expect(popup.closed).toBe(true), { timeout: 2000 });

    const bare = payjp.openThreeDSecureDialog(await newTdsr(), 300);
    popups.push(open.mock.results[1]?.value as Window);
    expect((await rejection(bare)).code).toBe('timeout');
  });
});
