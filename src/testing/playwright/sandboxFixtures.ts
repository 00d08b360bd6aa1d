import { test as base, type Fixtures } from '@playwright/test';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../startSandbox';

/** The fixtures {@link sandboxFixtures} adds. */
export interface SandboxFixtures {
  /**
   * The sandbox's options for this test, file or project (`test.use({ sandboxOptions: { presets:
   * ['lateIssuer'] } })`). @default {}
   */
  sandboxOptions: StartSandboxOptions;
  /** A fresh sandbox on a free port, started for the test that asks for it and closed after it. */
  sandbox: RunningSandbox;
}

/**
 * The fixtures, to merge into your own test: `export const test = base.extend<SandboxFixtures>(sandboxFixtures)`.
 */
export const sandboxFixtures: Fixtures<SandboxFixtures> = {
  sandboxOptions: [{}, { option: true }],
  sandbox: async ({ sandboxOptions }, provide) => {
    const running = await startSandbox(sandboxOptions);
    try {
      await provide(running);
    } finally {
      await running.close();
    }
  },
};

/** `@playwright/test`'s `test` with the {@link SandboxFixtures}. */
export const test = base.extend<SandboxFixtures>(sandboxFixtures);
