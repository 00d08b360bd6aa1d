// Browser project global setup: a second sandbox, on its own origin, whose PAY.JP account runs
// token 3-D Secure on every token (`tokenThreeDSecure: 'always'`, an account-wide setting that the
// sandbox mounted on the test server's origin cannot switch per test). Tests read its origin with
// `inject('payjpAlwaysOrigin')`.
import type {} from '@vitest/browser-playwright';
import type { BrowserCommand, TestProject } from 'vitest/node';
import { createSandbox } from '../../src/sandbox';

declare module 'vitest' {
  export interface ProvidedContext {
    payjpAlwaysOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await createSandbox({ payjp: { tokenThreeDSecure: 'always' } }).listen();
  project.provide('payjpAlwaysOrigin', server.url);
  return () => server.close();
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Clicks the button named `name` in the frame whose URL starts with `urlPrefix` (any origin). */
    clickInFrame(urlPrefix: string, name: string): Promise<void>;
  }
}

/**
 * A browser command: the challenge frame is on another origin, so the test cannot reach its DOM;
 * Playwright can, and presses the button there.
 */
export const clickInFrame: BrowserCommand<[string, string]> = async (context, urlPrefix, name) => {
  const deadline = Date.now() + 10_000;
  let frame = context.page.frames().find((candidate) => candidate.url().startsWith(urlPrefix));
  // The frame shows its URL once its navigation committed.
  while (!frame && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    frame = context.page.frames().find((candidate) => candidate.url().startsWith(urlPrefix));
  }
  if (!frame) throw new Error(`no frame at ${urlPrefix}`);
  // The button's own click() inside the frame: the scaled test iframe defeats pointer clicks.
  await frame.getByRole('button', { name, exact: true }).evaluate((button: HTMLElement) => button.click(), undefined, { timeout: 10_000 });
};
