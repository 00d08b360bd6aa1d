import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSandbox, type SandboxOptions } from './createSandbox';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The part of a Vite dev or preview server the plugin needs (kept structural so `vite` stays optional). */
interface MiddlewareHost {
  middlewares: { use(middleware: Middleware): unknown };
}

/** A Vite plugin shape, declared here so the sandbox entry has no type dependency on Vite. */
export interface SandboxVitePlugin {
  name: string;
  configureServer(server: MiddlewareHost): void;
  configurePreviewServer(server: MiddlewareHost): void;
}

/**
 * Mounts the sandbox on a Vite dev or preview server, so an app's pages and the sandbox share one
 * origin: `plugins: [react(), sandboxVitePlugin()]`.
 */
export function sandboxVitePlugin(options?: SandboxOptions): SandboxVitePlugin {
  const sandbox = createSandbox(options);
  const mount = (server: MiddlewareHost) => {
    server.middlewares.use((req, res, next) => sandbox.handler(req, res, next));
  };
  return { name: 'react-3ds-kit-sandbox', configureServer: mount, configurePreviewServer: mount };
}
