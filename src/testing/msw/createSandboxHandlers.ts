import { http, type HttpHandler } from 'msw';
import { createSandbox, type Sandbox } from '../../sandbox/createSandbox';
import { SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from '../../sandbox/payjp/options';
import { createPayjpHandler } from '../../server/createPayjpHandler';
import type { PayjpHandlerOptions } from '../../server/types';
import { createInMemoryPayjs, type InMemoryPayjs, type InMemoryPayjsOptions } from '../createInMemoryPayjs';
import type { SandboxClock } from '../createSandboxClock';
import { createSandboxClock } from '../createSandboxClock';
import { applySandboxPresets, type StartSandboxOptions } from '../startSandbox';
import { toFetchHandler, type FetchHandler } from '../toFetchHandler';

/** Where the in-process sandbox answers: no server listens there, MSW routes it. */
export const SANDBOX_MSW_ORIGIN = 'http://sandbox.react-3ds-kit.test';

/** The merchant's PAY.JP handler (`createPayjpHandler`), served by MSW against the sandbox. */
export interface SandboxPayjpRoutesOptions extends Omit<PayjpHandlerOptions, 'secretKey' | 'publicKey' | 'apiBase' | 'payjp' | 'basePath'> {
  /** The path the app's `createPayjpBackend({ baseUrl })` calls, on any origin. @default '/api/payjp' */
  basePath?: string;
}

/** Options of {@link createSandboxHandlers}. */
export interface SandboxHandlersOptions extends Omit<StartSandboxOptions, 'port'> {
  /** The origin the sandbox answers on (Kuroco's `baseUrl`, pay.js's and PAY.JP's API). @default SANDBOX_MSW_ORIGIN */
  origin?: string;
  /**
   * Also answer the merchant's PAY.JP routes with `createPayjpHandler` (sandbox keys, the official
   * `payjp` SDK, whose requests MSW routes to the sandbox too). Needs the `payjp` package.
   */
  payjp?: SandboxPayjpRoutesOptions;
}

/** What {@link createSandboxHandlers} gives a test. */
export interface SandboxHandlers {
  /** `setupServer(...sandbox.handlers)` (msw/node) or `setupWorker(...)`. */
  handlers: HttpHandler[];
  /** The in-process sandbox (its own data). */
  sandbox: Sandbox;
  /** The sandbox as a Fetch handler: set data up with its API (`${origin}/v1/…`, Basic auth with the secret key). */
  fetch: FetchHandler;
  origin: string;
  /** `${origin}/v1`. */
  payjpApiBase: string;
  /** `${origin}/rcms-api/${apiId}`: the Kuroco backend's `baseUrl` is `origin`. */
  kurocoApiBase: string;
  /** The sandbox's clock: `clock.advance(ms)` makes late results land. */
  clock: SandboxClock;
  /** An in-memory pay.js on this sandbox (see `createInMemoryPayjs`); pass it to `withPayjs`. */
  createPayjs(options?: Omit<InMemoryPayjsOptions, 'fetch' | 'sandboxOrigin'>): InMemoryPayjs;
}

function pathPattern(basePath: string): string {
  const trimmed = `/${basePath.replace(/^\/+|\/+$/g, '')}`;
  return `*${trimmed}/*`;
}

/**
 * MSW handlers that answer from an in-process sandbox: the sandbox's own routes on `origin`
 * (Kuroco `rcms-api`, Paygent, PAY.JP's `/v1` API and 3-D Secure pages) and, with `payjp`, the
 * merchant's PAY.JP routes at `basePath` on any origin. For jsdom tests with `msw/node`.
 */
export function createSandboxHandlers(options: SandboxHandlersOptions = {}): SandboxHandlers {
  const origin = new URL(options.origin ?? SANDBOX_MSW_ORIGIN).origin;
  const clock = createSandboxClock();
  const settings = applySandboxPresets(options, clock);
  const sandbox = createSandbox(settings);
  const serve = toFetchHandler(sandbox.handler);
  const handlers: HttpHandler[] = [http.all(`${origin}/*`, ({ request }) => serve(request))];
  if (options.payjp) {
    const { basePath = '/api/payjp', ...rest } = options.payjp;
    const merchant = createPayjpHandler({
      now: clock.now,
      ...rest,
      secretKey: settings.payjp?.secretKey ?? SANDBOX_PAYJP_SECRET_KEY,
      publicKey: settings.payjp?.publicKey ?? SANDBOX_PAYJP_PUBLIC_KEY,
      apiBase: `${origin}/v1`,
      basePath,
    });
    handlers.push(http.all(pathPattern(basePath), ({ request }) => merchant(request)));
  }
  return {
    handlers,
    sandbox,
    fetch: serve,
    origin,
    payjpApiBase: `${origin}/v1`,
    kurocoApiBase: `${origin}/rcms-api/${settings.kuroco?.apiId ?? 1}`,
    clock,
    createPayjs: (payjs = {}) => createInMemoryPayjs({ ...payjs, fetch: serve, sandboxOrigin: origin, publicKey: payjs.publicKey ?? settings.payjp?.publicKey }),
  };
}
