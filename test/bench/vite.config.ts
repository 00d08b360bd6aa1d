// The benchmark app (scripts/bench-speed.mjs): a few pages built on the kit, served by `vite preview`
// as a production build, with the sandbox on its own origin (as PAY.JP and Kuroco are) and the
// demo merchant backend mounted behind an injected delay. Modelled on test/e2e/app/vite.config.ts,
// on other ports so both can run at once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Connect } from 'vite';
import react from '@vitejs/plugin-react';
import { createSandbox } from '../../src/sandbox/index';
import { payjpDemoMiddleware } from '../support/payjpDemoBackend';

const root = path.dirname(fileURLToPath(import.meta.url));
export const APP_PORT = 6307;
export const SANDBOX_PORT = 6308;

/** The injected latencies (issue 5): pay.js takes 300 ms to arrive, the merchant backend 150 ms to answer. */
export const PAYJS_LATENCY_MS = Number(process.env.BENCH_PAYJS_LATENCY_MS ?? 300);
export const BACKEND_LATENCY_MS = Number(process.env.BENCH_BACKEND_LATENCY_MS ?? 150);

const PAGES = ['kit', 'manual', 'preloaded', 'kuroco', 'parse'];

type Middleware = (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => void;

/** The merchant backend (createPayjpHandler over the payjp SDK, pointed at the sandbox), answering BACKEND_LATENCY_MS later. */
function delayedBackend(sandboxOrigin: string): Middleware {
  const backend = payjpDemoMiddleware({ sandboxOrigin });
  return (req, res, next) => {
    if (!req.url?.startsWith('/api/payjp/')) return backend(req, res, next);
    setTimeout(() => backend(req, res, next), BACKEND_LATENCY_MS);
  };
}

async function startSandbox(server: { middlewares: Connect.Server; httpServer: { once(event: 'close', listener: () => void): unknown } | null }) {
  const sandbox = await createSandbox({
    payjp: { payjsLatencyMs: PAYJS_LATENCY_MS },
    // Kuroco is the shop's backend in that flow: its API answers BACKEND_LATENCY_MS later.
    kuroco: { latencyMs: BACKEND_LATENCY_MS },
  }).listen(SANDBOX_PORT);
  server.httpServer?.once('close', () => void sandbox.close());
  server.middlewares.use(delayedBackend(sandbox.url));
}

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [
    react(),
    {
      name: 'bench-sandbox',
      configureServer: (server) => startSandbox(server),
      configurePreviewServer: (server) => startSandbox(server),
    },
  ],
  define: { __SANDBOX_URL__: JSON.stringify(`http://127.0.0.1:${SANDBOX_PORT}`) },
  build: {
    outDir: path.resolve(root, '../../node_modules/.cache/bench/app'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: Object.fromEntries(PAGES.map((page) => [page, path.join(root, `${page}.html`)])) },
  },
  server: { fs: { allow: [path.resolve(root, '../..')] } },
});
