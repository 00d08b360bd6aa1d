import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium (nothing is downloaded). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidate = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Launches headless Chromium through `playwright-core` (an optional dependency of the check: a
 * merchant installs it with `npm i -D playwright-core`). Playwright turns Chromium's popup blocker
 * off by default; it stays on here, so the blocked-popup probe sees the browser's real answer,
 * while popups opened from a click (the shopper's gesture) still open.
 */
export async function launchConformanceBrowser(executablePath = chromiumPath()): Promise<Browser> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new Error('the pay.js probes need playwright-core: npm i -D playwright-core (or pass --no-browser)');
  }
  return playwright.chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    ignoreDefaultArgs: ['--disable-popup-blocking'],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
