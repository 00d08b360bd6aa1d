import { afterEach, describe, expect, it } from 'vitest';
import { isolateOverlay } from '../../src/core/payjp/isolateOverlay';

// MutationObserver callbacks run as microtasks.
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function page() {
  document.body.innerHTML = `
    <header id="header">shop</header>
    <main id="main"><button id="start">verify</button><iframe title="video"></iframe></main>
    <aside id="modal" inert aria-hidden="false">an app dialog, inert already</aside>
    <footer id="footer" aria-hidden="true">footer</footer>`;
  const get = (id: string) => document.getElementById(id)!;
  return { header: get('header'), main: get('main'), modal: get('modal'), footer: get('footer'), start: get('start') as HTMLButtonElement };
}

function payjsOverlay() {
  const overlay = document.createElement('div');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  const frame = document.createElement('iframe');
  frame.title = '3Dセキュア認証';
  const close = document.createElement('button');
  close.textContent = '×';
  overlay.append(frame, close);
  document.body.append(overlay);
  return { overlay, close };
}

const state = (element: Element) => [element.hasAttribute('inert'), element.getAttribute('aria-hidden')];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isolateOverlay', () => {
  it('makes everything but the overlay inert while it is open, and restores exactly the previous state', async () => {
    const { header, main, modal, footer } = page();
    const isolation = isolateOverlay();
    // Nothing happens before pay.js adds its overlay (a page iframe that was already there is not one).
    await flush();
    expect(state(main)).toEqual([false, null]);

    const { overlay } = payjsOverlay();
    await flush();
    for (const element of [header, main, modal, footer]) expect(state(element)).toEqual([true, 'true']);
    expect(state(overlay)).toEqual([false, null]);

    isolation.dispose();
    expect(state(header)).toEqual([false, null]);
    expect(state(main)).toEqual([false, null]);
    expect(state(modal)).toEqual([true, 'false']); // previously inert: left inert, its aria-hidden restored
    expect(state(footer)).toEqual([false, 'true']);
  });

  it('picks up an overlay added after an await, and elements added while it is open', async () => {
    const { main } = page();
    const isolation = isolateOverlay();
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    payjsOverlay();
    const toast = document.createElement('div');
    document.body.append(toast);
    await flush();
    expect(state(main)).toEqual([true, 'true']);
    expect(state(toast)).toEqual([true, 'true']);
    isolation.dispose();
    expect(state(toast)).toEqual([false, null]);
  });

  it('lifts the isolation as soon as pay.js takes its overlay away', async () => {
    const { main } = page();
    const isolation = isolateOverlay();
    const { overlay } = payjsOverlay();
    await flush();
    expect(state(main)).toEqual([true, 'true']);
    overlay.remove();
    await flush();
    expect(state(main)).toEqual([false, null]);
    isolation.dispose();
  });

  it('returns focus to the element that had it', async () => {
    const { start } = page();
    start.focus();
    const isolation = isolateOverlay();
    const { close, overlay } = payjsOverlay();
    await flush();
    close.focus();
    overlay.remove();
    isolation.dispose();
    expect(document.activeElement).toBe(start);
  });

  it('returns focus to the busy button that disabled itself, once it is enabled again', async () => {
    const { start } = page();
    // The kit's button: disabled and aria-busy while it works, so focus fell to the body.
    start.disabled = true;
    start.setAttribute('aria-busy', 'true');
    expect(document.activeElement).toBe(document.body);
    const isolation = isolateOverlay();
    const { overlay } = payjsOverlay();
    await flush();
    overlay.remove();
    isolation.dispose();
    expect(document.activeElement).toBe(document.body);
    start.disabled = false;
    start.setAttribute('aria-busy', 'false');
    await flush();
    expect(document.activeElement).toBe(start);
  });

  it('leaves focus alone when the shopper has moved it elsewhere', async () => {
    const { start, main } = page();
    const other = document.createElement('input');
    main.append(other);
    start.disabled = true;
    start.setAttribute('aria-busy', 'true');
    const isolation = isolateOverlay();
    payjsOverlay().overlay.remove();
    isolation.dispose();
    other.focus();
    start.disabled = false;
    await flush();
    expect(document.activeElement).toBe(other);
  });

  it('is idempotent: a second dispose changes nothing, and nothing is isolated after dispose', async () => {
    const { start, main } = page();
    start.focus();
    const isolation = isolateOverlay();
    payjsOverlay();
    await flush();
    isolation.dispose();
    main.setAttribute('inert', ''); // the app's own, later decision
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    elsewhere.focus();
    isolation.dispose();
    expect(state(main)).toEqual([true, null]);
    expect(document.activeElement).toBe(elsewhere);
    payjsOverlay();
    await flush();
    expect(state(elsewhere)).toEqual([false, null]);
  });
});
