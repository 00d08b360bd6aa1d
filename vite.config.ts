import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Library build: one ESM file per public entry; peers and Node built-ins stay external.
// Declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  plugins: [react()],
  build: {
    lib: {
      entry: {
        index: 'src/react/index.ts',
        core: 'src/core/index.ts',
        server: 'src/server/index.ts',
        'server-redis': 'src/server/createRedisLedgerStore.ts',
        sandbox: 'src/sandbox/index.ts',
        // Test helpers (Node only, no React): the Playwright and MSW parts import their peer, the base none.
        testing: 'src/testing/index.ts',
        'testing-playwright': 'src/testing/playwright/index.ts',
        'testing-msw': 'src/testing/msw/index.ts',
        // The bin `react-3ds-kit-conformance` (Node only; playwright-core is the merchant's to install).
        conformance: 'src/conformance/cli.ts',
      },
      formats: ['es'],
    },
    target: 'es2022',
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^node:/, /^payjp($|\/)/, /^redis($|\/)/, /^@redis\//, /^playwright-core($|\/)/, /^@playwright\/test($|\/)/, /^msw($|\/)/],
    },
  },
});
