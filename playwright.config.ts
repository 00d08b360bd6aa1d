import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.ts';
import { E2E_APP_PORT as APP_PORT } from './test/support/e2ePorts.ts';
import { reactMajor } from './test/support/reactVersion.ts';

export default defineConfig({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    // Debian's Chromium: nothing is downloaded.
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  // The app runs on React 19, or React 18 under REACT_VERSION=18; each result line names which.
  projects: [{ name: `chromium, React ${reactMajor}` }],
  webServer: {
    // A small app built on the kit the way README's quick start says, with the sandbox on another port.
    command: `npx vite --config test/e2e/app/vite.config.ts --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
    url: `http://127.0.0.1:${APP_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
