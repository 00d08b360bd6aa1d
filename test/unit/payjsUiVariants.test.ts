// The kit against other plausible pay.js DOMs (fidelity rows 4–6, 10): no sandbox marker, a
// challenge inside a container made at Payjp() time, hidden helper frames, frames from PAY.JP's
// hosts, any rejection shape. jsdom: the DOM logic only (Chromium runs the flows in test/browser).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPayjpGetter } from '../../src/core/payjp/createPayjpGetter';
import { isolateOverlay } from '../../src/core/payjp/isolateOverlay';
import { looksBlocked } from '../../src/core/payjp/showChallenge';
import { trackPayjsUi } from '../../src/core/payjp/trackPayjsUi';

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const state = (element: Element) => [element.hasAttribute('inert'), element.getAttribute('aria-hidden')];

function frame(src: string, style = ''): HTMLIFrameElement {
  const element = document.createElement('iframe');
  element.src = src;
  element.style.cssText = style;
  return element;
}

/** A page with the app's root and, like pay.js at Payjp() time, a hidden container and a tunnel frame. */
function page() {
  document.body.innerHTML = '<main id="app"><button id="pay">pay</button></main>';
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;inset:0;display:none';
  const tunnel = frame('https://api.pay.jp/v1/js/apitunnel.html', 'display:none');
  document.body.append(container, tunnel);
  return { app: document.getElementById('app')!, container, tunnel };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('trackPayjsUi without sandbox markers', () => {
  it('container mode: empties and hides again the container pay.js made before the call', () => {
    const { container, tunnel } = page();
    const { ui } = trackPayjsUi(() => {
      const panel = document.createElement('div');
      panel.append(frame('https://js.pay.jp/v2/tds.html'));
      container.append(panel);
      container.style.display = 'flex';
    });
    ui.dispose();
    expect(container.isConnected).toBe(true);
    expect(container.children).toHaveLength(0);
    expect(container.style.display).toBe('none');
    // The helper frame is pay.js's to keep.
    expect(tunnel.isConnected).toBe(true);
  });

  it('removes a body child added during the call whatever its iframe src, and one added later only when it is pay.js-looking', async () => {
    page();
    const { ui } = trackPayjsUi(() => {
      const overlay = document.createElement('div');
      overlay.append(frame('https://frames.example.test/challenge'));
      document.body.append(overlay);
      return overlay;
    });
    // After an await inside pay.js: a frame from js.pay.jp (another origin, another path)…
    const late = document.createElement('div');
    late.append(frame('https://js.pay.jp/v2/three-d-secure.html'));
    // …and the app's own toast, which is not pay.js's.
    const toast = document.createElement('div');
    toast.textContent = 'saved';
    document.body.append(late, toast);
    await flush();
    ui.dispose();
    expect(document.querySelectorAll('iframe:not([style*="none"])')).toHaveLength(0);
    expect(late.isConnected).toBe(false);
    expect(toast.isConnected).toBe(true);
  });

  it('reports a blocked popup from window.open returning null', () => {
    // A plain replacement (a vi.spyOn property ignores the kit's own wrapping assignment).
    const original = window.open;
    window.open = () => null;
    try {
      const { ui } = trackPayjsUi(() => window.open('https://api.pay.jp/v1/tds/x/start'));
      expect(ui.popupBlocked).toBe(true);
    } finally {
      window.open = original;
    }
    const other = trackPayjsUi(() => undefined);
    expect(other.ui.popupBlocked).toBe(false);
  });
});

describe('isolateOverlay without sandbox markers', () => {
  it('never makes inert the pre-existing container that shows the challenge, even when a helper frame comes along', async () => {
    const { app, container, tunnel } = page();
    const isolation = isolateOverlay();
    // pay.js adds a hidden helper during the call: not a challenge, nothing is isolated.
    document.body.append(frame('https://api.pay.jp/v1/js/apitunnel.html', 'position:absolute;width:0;height:0;border:0'));
    await flush();
    expect(state(app)).toEqual([false, null]);
    // Then shows the challenge in its container.
    container.append(frame('https://js.pay.jp/v2/tds.html'));
    container.style.display = 'flex';
    await flush();
    expect(state(container)).toEqual([false, null]);
    expect(state(app)).toEqual([true, 'true']);
    expect(state(tunnel)).toEqual([true, 'true']);
    isolation.dispose();
    expect(state(app)).toEqual([false, null]);
  });

  it('waits for a challenge shown in a hidden container until the container is shown', async () => {
    const { app, container } = page();
    const isolation = isolateOverlay();
    container.append(frame('https://js.pay.jp/v2/tds.html'));
    await flush();
    expect(state(app)).toEqual([false, null]);
    container.style.display = 'block';
    await flush();
    expect(state(app)).toEqual([true, 'true']);
    isolation.dispose();
  });
});

describe('looksBlocked: any rejection shape, Japanese or English', () => {
  it.each([
    [Object.assign(new Error('x'), { code: 'popup_blocked' }), true],
    [{ code: 'popup_blocked', message: 'x' }, true],
    [{ error: { code: 'popup_blocked', message: 'x' } }, true],
    [{ error: { message: 'ポップアップがブロックされました' } }, true],
    [new Error('Popup was blocked by the browser'), true],
    [{ message: 'ブロックされたため開けません' }, true],
    [undefined, false],
    [null, false],
    [{ error: null }, false],
    [{ code: 'canceled', message: '3Dセキュア認証がキャンセルされました。' }, false],
  ])('%o → %s', (rejection, blocked) => {
    expect(looksBlocked(rejection)).toBe(blocked);
  });
});

describe('createPayjpGetter', () => {
  it('always passes a workflow to Payjp(), the iframe unless configured', async () => {
    const Payjp = vi.fn(() => ({}));
    (globalThis as { Payjp?: unknown }).Payjp = Payjp;
    const script = document.createElement('script');
    script.src = 'https://js.example.test/v2/pay.js?getter';
    document.head.append(script);
    await createPayjpGetter({ publicKey: 'pk_test_x', jsUrl: script.src })();
    await createPayjpGetter({ publicKey: 'pk_test_x', jsUrl: script.src, threeDSecureWorkflow: 'subwindow' })();
    expect(Payjp.mock.calls).toEqual([
      ['pk_test_x', { threeDSecureWorkflow: 'iframe' }],
      ['pk_test_x', { threeDSecureWorkflow: 'subwindow' }],
    ]);
    script.remove();
    delete (globalThis as { Payjp?: unknown }).Payjp;
  });
});
