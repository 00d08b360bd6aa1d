import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import viteConfig from './vite.config.ts';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.ts';
import { sandboxVitePlugin } from './src/sandbox/vitePlugin.ts';
import { payjpDemoMiddleware } from './test/support/payjpDemoBackend.ts';
import { clickInFrame } from './test/support/payjpAlwaysSandbox.ts';
import { redirectedRequests, startRedirectPair, stopRedirectPair } from './test/support/redirectServers.ts';
import { reactAliases, reactCacheDir, reactDefine, reactMajor } from './test/support/reactVersion.ts';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// The sandbox's clock. Browser tests may hold it still (commands.holdSandboxClock) so that the slow
// issuer's result lands only when they release it: a late result without minutes of real waiting.
// Kept on globalThis: Vitest evaluates this file again for the browser's own Vite server, and the
// commands must reach the sandbox that server mounts.
const clock = ((globalThis as { __sandboxClock?: { heldAt: number | null } }).__sandboxClock ??= { heldAt: null });
const sandboxNow = () => clock.heldAt ?? Date.now();
const sandboxClockCommands = {
  holdSandboxClock: () => void (clock.heldAt = Date.now()),
  releaseSandboxClock: () => void (clock.heldAt = null),
};

// A fresh object per project: Vitest mutates `instances`.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
  // Servers on other origins, for tests of what the kit sends across origins.
  commands: { startRedirectPair, redirectedRequests, stopRedirectPair, clickInFrame, ...sandboxClockCommands },
});

export default mergeConfig(
  viteConfig,
  defineConfig({
    // The sandbox answers Kuroco and Paygent paths on the test server's own origin.
    plugins: [
      sandboxVitePlugin({ payjp: { now: sandboxNow } }),
      // createPayjpHandler over the official SDK, for the PAY.JP stories and browser tests.
      { name: 'payjp-demo-backend', configureServer: (server) => void server.middlewares.use(payjpDemoMiddleware()) },
    ],
    // Pre-bundled up front: discovering them mid-run makes Vite reload the browser and lose a test file.
    optimizeDeps: {
      include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'vitest-browser-react'],
    },
    test: {
      // Two cores: one file at a time per project keeps Chromium and jsdom from starving each other.
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['test/unit/**/*.test.{ts,tsx}'],
            setupFiles: ['./test/support/setupUnit.ts'],
            // Most take milliseconds; jsdom rendering under a loaded 2-core machine can take seconds.
            testTimeout: 15_000,
          },
        },
        {
          extends: true,
          test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.{ts,tsx}'], testTimeout: 15_000 },
        },
        {
          // Type tests pin the public types of both entries; tsc only, nothing runs.
          extends: true,
          test: {
            name: 'types',
            include: [],
            typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.typetests.json' },
          },
        },
        {
          extends: true,
          // REACT_VERSION=18 runs this project on React 18 (test/support/reactVersion.ts).
          resolve: { alias: reactAliases },
          define: reactDefine,
          ...(reactCacheDir ? { cacheDir: reactCacheDir } : {}),
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.{ts,tsx}'],
            // Reported as "browser (chromium, React 18|19)".
            browser: { ...browser(), instances: [{ browser: 'chromium' as const, name: `browser (chromium, React ${reactMajor})` }] },
            setupFiles: ['./test/support/setupBrowser.ts'],
            // Chromium shares two cores with jsdom and Vite: a test that needs 5 s alone can need 15 under load.
            testTimeout: 30_000,
            // A PAY.JP account in "3-D Secure on every token" mode, on its own origin.
            globalSetup: ['./test/support/payjpAlwaysSandbox.ts'],
          },
        },
        {
          extends: true,
          plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
          // Plays wait up to 10 s for the issuer page and 15 s for the outcome (the redirect return of an
          // abandoned challenge confirms for about 10 s by design): Vitest's 15 s default cut them off under load.
          test: { name: 'storybook', browser: browser(), testTimeout: 60_000 },
        },
      ],
    },
  }),
);
