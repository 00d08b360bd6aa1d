import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { createSandbox } from '../../../src/sandbox/index';
import { payjpDemoMiddleware } from '../../support/payjpDemoBackend';
import { E2E_SANDBOX_PORT } from '../../support/e2ePorts';
import { reactAliases, reactCacheDir } from '../../support/reactVersion';

const root = path.dirname(fileURLToPath(import.meta.url));
export const SANDBOX_PORT = E2E_SANDBOX_PORT;

// The app and the sandbox run on different origins, as a shop front and Kuroco do: CORS, a token
// header, and an ACS form that leaves the app's origin.
export default defineConfig({
  root,
  // React 19, or React 18 under REACT_VERSION=18 (its own pre-bundle cache).
  resolve: { alias: reactAliases },
  ...(reactCacheDir ? { cacheDir: path.resolve(root, '../../..', reactCacheDir, 'e2e') } : {}),
  plugins: [
    react(),
    {
      name: 'start-sandbox',
      async configureServer(server) {
        const sandbox = await createSandbox({ kuroco: { statusDelayMs: 400 } }).listen(SANDBOX_PORT);
        server.httpServer?.once('close', () => void sandbox.close());
        // The shop's own backend: createPayjpHandler at /api/payjp, talking to the sandbox as to PAY.JP.
        server.middlewares.use(payjpDemoMiddleware({ sandboxOrigin: sandbox.url, returnPaths: ['/payjp-return.html'] }));
      },
    },
  ],
  define: { __SANDBOX_URL__: JSON.stringify(`http://127.0.0.1:${SANDBOX_PORT}`) },
  server: { fs: { allow: [path.resolve(root, '../../..')] } },
});
