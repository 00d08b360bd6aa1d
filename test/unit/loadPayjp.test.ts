import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPayjp } from '../../src/core/payjp/loadPayjp';

// The loader remembers each URL for the page's lifetime: every test uses its own.
let URL_A = '';
let n = 0;

function scriptsFor(src: string) {
  return Array.from(document.scripts).filter((s) => s.src === src);
}

beforeEach(() => {
  URL_A = `https://js.example.test/v2/pay.js?test=${(n += 1)}`;
});

afterEach(() => {
  document.head.replaceChildren();
  delete (globalThis as { Payjp?: unknown }).Payjp;
});

describe('loadPayjp', () => {
  it('adds one script tag however often it is called, with the nonce, and resolves window.Payjp', async () => {
    const first = loadPayjp({ jsUrl: URL_A, nonce: 'n0nce' });
    const second = loadPayjp({ jsUrl: URL_A, nonce: 'n0nce' });
    expect(second).toBe(first);
    const [script] = scriptsFor(URL_A);
    expect(scriptsFor(URL_A)).toHaveLength(1);
    expect(script!.nonce).toBe('n0nce');
    expect(script!.async).toBe(true);
    const Payjp = () => ({});
    (globalThis as { Payjp?: unknown }).Payjp = Payjp;
    script!.dispatchEvent(new Event('load'));
    await expect(first).resolves.toBe(Payjp);
    // Loaded: later calls resolve at once from the existing tag.
    await expect(loadPayjp({ jsUrl: URL_A })).resolves.toBe(Payjp);
    expect(scriptsFor(URL_A)).toHaveLength(1);
  });

  it('reuses a tag the page already has', async () => {
    const existing = document.createElement('script');
    existing.src = URL_A;
    document.head.append(existing);
    const loading = loadPayjp({ jsUrl: URL_A });
    expect(scriptsFor(URL_A)).toHaveLength(1);
    (globalThis as { Payjp?: unknown }).Payjp = () => ({});
    existing.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBeTypeOf('function');
  });

  it('fails with payjs_load_failed, removes the dead tag, and retries on the next call', async () => {
    const failing = loadPayjp({ jsUrl: URL_A });
    scriptsFor(URL_A)[0]!.dispatchEvent(new Event('error'));
    await expect(failing).rejects.toMatchObject({ code: 'payjs_load_failed' });
    expect(scriptsFor(URL_A)).toHaveLength(0);
    const retry = loadPayjp({ jsUrl: URL_A });
    expect(retry).not.toBe(failing);
    expect(scriptsFor(URL_A)).toHaveLength(1);
    (globalThis as { Payjp?: unknown }).Payjp = () => ({});
    scriptsFor(URL_A)[0]!.dispatchEvent(new Event('load'));
    await expect(retry).resolves.toBeTypeOf('function');
  });

  it('fails when the script loads but defines no Payjp, or never loads', async () => {
    const empty = loadPayjp({ jsUrl: URL_A });
    scriptsFor(URL_A)[0]!.dispatchEvent(new Event('load'));
    await expect(empty).rejects.toMatchObject({ code: 'payjs_load_failed' });
    await expect(loadPayjp({ jsUrl: `${URL_A}&never`, timeoutMs: 10 })).rejects.toMatchObject({ code: 'payjs_load_failed' });
  });
});

describe('loadPayjp: one pay.js however its URL is written', () => {
  it('reuses a https://js.pay.jp/v2/ tag (PAY.JP sample form) for https://js.pay.jp/v2/pay.js, and the other way round', async () => {
    for (const [onPage, asked] of [
      ['https://js.pay.jp/v2/', 'https://js.pay.jp/v2/pay.js'],
      ['https://js.pay.jp/v2/pay.js', 'https://js.pay.jp/v2/'],
    ] as const) {
      const existing = document.createElement('script');
      existing.src = onPage;
      document.head.append(existing);
      const loading = loadPayjp({ jsUrl: asked });
      // Still loading: no second tag.
      expect(document.scripts).toHaveLength(1);
      (globalThis as { Payjp?: unknown }).Payjp = () => ({});
      existing.dispatchEvent(new Event('load'));
      await expect(loading).resolves.toBeTypeOf('function');
      document.head.replaceChildren();
      delete (globalThis as { Payjp?: unknown }).Payjp;
    }
  });

  it('loads a query-string variant of the configured URL as that script, and a different query as its own', () => {
    void loadPayjp({ jsUrl: `${URL_A}&payjsOverlay=container` });
    void loadPayjp({ jsUrl: `${URL_A}&payjsOverlay=container` });
    expect(scriptsFor(`${URL_A}&payjsOverlay=container`)).toHaveLength(1);
    void loadPayjp({ jsUrl: `${URL_A}&payjsOverlay=foreign-frame` });
    expect(document.scripts).toHaveLength(2);
  });
});
