import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAGE_SCRIPT, type FrameInfo, type SettledValue } from './pageScript';

/**
 * The run's one browser tab. A context (and its renderer) costs about a second to make, so the
 * probes share one and start from a freshly loaded document each time.
 */
export async function openTab(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(PAGE_SCRIPT);
  return context.newPage();
}

/** The probe page, freshly loaded in the run's tab, with pay.js loaded. */
export interface ProbePage {
  page: Page;
  context: BrowserContext;
  frames(): Promise<FrameInfo[]>;
  bodyChildren(): Promise<number[]>;
  opens(): Promise<{ blocked: boolean }[]>;
  /** How the promise tracked under `name` settled, or null after `timeoutMs`. */
  settled(name: string, timeoutMs: number): Promise<SettledValue | null>;
  /** Closes the windows the probe left open (the tab itself stays for the next probe). */
  close(): Promise<void>;
}

export async function openProbePage(page: Page, probeUrl: string): Promise<ProbePage> {
  const context = page.context();
  await page.goto(probeUrl);
  await page.waitForFunction(() => typeof (window as { Payjp?: unknown }).Payjp === 'function', undefined, { timeout: 20_000 });
  const call = <T>(name: string) => page.evaluate((method) => (window as unknown as Record<string, Record<string, () => unknown>>).__conformance![method]!(), name) as Promise<T>;
  return {
    page,
    context,
    frames: () => call<FrameInfo[]>('frames'),
    bodyChildren: () => call<number[]>('bodyChildren'),
    opens: () => call<{ blocked: boolean }[]>('opens'),
    async settled(name, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = (await page.evaluate((key) => (window as unknown as { __conformance: { result(k: string): unknown } }).__conformance.result(key), name)) as SettledValue | null;
        if (result || Date.now() >= deadline) return result;
        await page.waitForTimeout(100);
      }
    },
    async close() {
      for (const other of context.pages()) if (other !== page) await other.close();
      await page.goto('about:blank');
    },
  };
}

/** Polls `read` until it answers something, or gives null after `timeoutMs`; `retryErrors` treats a throw as "not yet". */
export async function waitFor<T>(page: Page, read: () => Promise<T | null | undefined>, timeoutMs: number, retryErrors = false): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = retryErrors ? await read().catch(() => null) : await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() >= deadline) return null;
    await page.waitForTimeout(100);
  }
}
