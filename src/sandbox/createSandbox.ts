import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKurocoRouter, KUROCO_PREFIX } from './kuroco/router';
import { resolveKurocoOptions, resolvePayjpOptions, type SandboxOptions } from './options';
import { createPaygentRouter, PAYGENT_PREFIX } from './paygent/router';
import { isPayjsPath, PAYJS_PATH } from './payjp/payjs';
import { createPayjpRouter, PAYJP_API_PREFIX } from './payjp/router';
import { createState } from './state';

export type { KurocoSandboxOptions, PayjpSandboxOptions, SandboxOptions } from './options';

/**
 * A Node request listener, usable as Connect/Vite middleware. Paths the sandbox does not know go to
 * `next()` when given, else get a plain 404.
 */
export type SandboxHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** A running sandbox server (see {@link Sandbox.listen}). */
export interface SandboxServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Root of the Kuroco API paths: `${url}/rcms-api/${apiId}`. */
  kurocoApiBase: string;
  /** What the `payjp` SDK's `apibase` option takes: `${url}/v1`. */
  payjpApiBase: string;
  /** The stand-in pay.js: `${url}/payjs/v2/pay.js`. */
  payjsUrl: string;
  /** Stops the server and drops its open connections. */
  close(): Promise<void>;
}

/** An offline stand-in for PAY.JP and Kuroco EC × Paygent 3-D Secure. Each instance has its own data. */
export interface Sandbox {
  /** Request listener / middleware serving the sandbox routes. */
  handler: SandboxHandler;
  /**
   * Starts an HTTP server on 127.0.0.1 that serves only the sandbox.
   * @param port default `0`: a random free port.
   */
  listen(port?: number): Promise<SandboxServer>;
}

function parseUrl(raw: string | undefined): URL {
  const path = raw && raw.startsWith('/') ? raw : `/${raw ?? ''}`;
  // A fixed base: only the path and query matter here, and `//x` must not become a host.
  return new URL(`http://sandbox.invalid${path}`);
}

/**
 * Creates a sandbox: a PAY.JP v1 API subset (tokens, customers and cards, charges, with 3-D Secure
 * and tds_finish, three_d_secure_requests) with its 3-D Secure pages and a stand-in pay.js
 * (elements, createToken); Kuroco `rcms-api` purchase / order-details / login endpoints with Kuroco's
 * envelope; Paygent's token script and 3-D Secure connector and challenge page.
 * See `src/sandbox/README.md`.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const state = createState(resolveKurocoOptions(options.kuroco), resolvePayjpOptions(options.payjp));
  const handleKuroco = createKurocoRouter(state);
  const handlePaygent = createPaygentRouter(state);
  const handlePayjp = createPayjpRouter(state.payjp);

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = parseUrl(req.url);
    if (url.pathname.startsWith(KUROCO_PREFIX)) {
      await handleKuroco(req, res, url.pathname);
      return true;
    }
    if (url.pathname.startsWith(PAYGENT_PREFIX)) return handlePaygent(req, res, url);
    if (isPayjsPath(url.pathname) || url.pathname === PAYJP_API_PREFIX || url.pathname.startsWith(`${PAYJP_API_PREFIX}/`)) {
      return handlePayjp(req, res, url);
    }
    return false;
  }

  const handler: SandboxHandler = (req, res, next) => {
    dispatch(req, res).then(
      (handled) => {
        if (handled) return;
        if (next) next();
        else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      },
      (error: unknown) => {
        if (res.headersSent) res.destroy();
        else if (next) next(error);
        else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Sandbox error');
      },
    );
  };

  function listen(port = 0): Promise<SandboxServer> {
    return new Promise((resolve, reject) => {
      const server = createServer((req, res) => handler(req, res));
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: actual } = server.address() as AddressInfo;
        const url = `http://127.0.0.1:${actual}`;
        resolve({
          url,
          kurocoApiBase: `${url}/rcms-api/${state.kuroco.apiId}`,
          payjpApiBase: `${url}${PAYJP_API_PREFIX}`,
          payjsUrl: `${url}${PAYJS_PATH}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              server.closeAllConnections();
            }),
        });
      });
    });
  }

  return { handler, listen };
}
