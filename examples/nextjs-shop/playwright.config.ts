import { defineConfig } from '@playwright/test';

const PORT = 6330;
const SANDBOX_PORT = 6331;

// Debian's Chromium (CHROMIUM_PATH to override): nothing is downloaded. Root and no network, hence the
// flags (the kit's test/support/chromium.ts; repeated here so the example stands alone).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  // Generous: the machine is shared and small; a slow step is not a failure.
  expect: { timeout: 15_000 },
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  // The production build (npm run build first), as `npm start` serves it, with the sandbox beside it.
  webServer: {
    command: 'node shop.mjs start',
    env: { PORT: String(PORT), SANDBOX_PORT: String(SANDBOX_PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 90_000,
  },
});
