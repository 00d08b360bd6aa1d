import { RouteError } from './routeError';
import type { PayjpClientLike } from './types';

/** The default SDK's request time limit: PAY.JP's SDK waits forever otherwise. */
const DEFAULT_TIMEOUT_MS = 10_000;

type PayjpFactory = (secretKey: string, options: { timeout: number; apibase: string }) => PayjpClientLike;

async function importPayjp(): Promise<PayjpFactory> {
  // `payjp` is an optional peer: only loaded when the app did not pass its own instance.
  const module = (await import('payjp')) as unknown as { default?: unknown };
  const factory = typeof module === 'function' ? module : module.default;
  if (typeof factory !== 'function') throw new TypeError('The payjp module exports no factory');
  return factory as PayjpFactory;
}

/**
 * Returns a function that yields the handler's PAY.JP client, built once on first use. A failed
 * `import('payjp')` is not cached, so installing the package and retrying works.
 */
export function createClientSource(options: {
  secretKey: string;
  apiBase: string;
  payjp: PayjpClientLike | ((secretKey: string) => PayjpClientLike) | undefined;
}): () => Promise<PayjpClientLike> {
  let client: Promise<PayjpClientLike> | null = null;
  const build = async (): Promise<PayjpClientLike> => {
    const given = options.payjp;
    if (typeof given === 'function') return given(options.secretKey);
    if (given) return given;
    let factory: PayjpFactory;
    try {
      factory = await importPayjp();
    } catch (error) {
      throw new RouteError(500, 'misconfigured', 'The `payjp` package could not be loaded: install it, or pass `payjp` to createPayjpHandler', { cause: error });
    }
    return factory(options.secretKey, { timeout: DEFAULT_TIMEOUT_MS, apibase: options.apiBase });
  };
  return () => {
    client ??= build().catch((error: unknown) => {
      client = null;
      throw error;
    });
    return client;
  };
}
