import { ThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';

export interface LoadScriptOptions<T> {
  /** Absolute or page-relative URL of the script. */
  src: string;
  /** Reads what the script defines (a global), or undefined while it is not there. */
  read(): T | undefined;
  /** Names the script in error messages. */
  name: string;
  /** The `window` property the script defines, for error messages. */
  globalName: string;
  /** The error code of a failed load. */
  errorCode: ThreeDSecureErrorCode;
  nonce?: string | undefined;
  /** @default 15000 */
  timeoutMs?: number | undefined;
}

/**
 * The URL a script is known by: PAY.JP serves pay.js v2 at both `https://js.pay.jp/v2/` (its own
 * sample's form) and `https://js.pay.jp/v2/pay.js`, which are one script. Anything else, query
 * string included, is compared as it is (a query-string variant is its own configured script).
 */
export function scriptKey(src: string): string {
  return src === 'https://js.pay.jp/v2/' ? 'https://js.pay.jp/v2/pay.js' : src;
}

// One load per URL per page; a failed load is forgotten so the next call tries again.
const loads = new Map<string, Promise<unknown>>();

/**
 * Loads a provider's script once per page and resolves what it defines: reuses a tag that is already
 * there, resolves `null` during server rendering, and lets a later call retry after a failure.
 */
export function loadScript<T>(options: LoadScriptOptions<T>): Promise<T | null> {
  if (typeof window === 'undefined' || typeof document === 'undefined') return Promise.resolve(null);
  const src = new URL(options.src, document.baseURI).toString();
  const key = scriptKey(src);
  const existing = Array.from(document.scripts).find((script) => script.src !== '' && scriptKey(script.src) === key);
  const ready = options.read();
  if (existing && ready) return Promise.resolve(ready);
  const cached = loads.get(key) as Promise<T> | undefined;
  if (cached) return cached;

  const timeoutMs = options.timeoutMs ?? 15_000;
  const load = new Promise<T>((resolve, reject) => {
    const script = existing ?? document.createElement('script');
    const fail = (message: string, cause?: unknown) => {
      cleanup();
      // A tag that failed cannot load again: drop it so the retry starts clean.
      script.remove();
      // The usual causes are named in development builds only.
      const hint = process.env.NODE_ENV !== 'production' ? '. Check the network and that the CSP script-src allows it.' : '';
      reject(new ThreeDSecureError(options.errorCode, `${message} (${src})${hint}`, { cause }));
    };
    const onLoad = () => {
      const value = options.read();
      cleanup();
      if (value) resolve(value);
      else fail(`${options.name} loaded but did not define window.${options.globalName}`);
    };
    const onError = (event: Event) => fail(`${options.name} could not be loaded`, event);
    const timer = setTimeout(() => fail(`${options.name} did not load within ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
    };
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    if (!existing) {
      script.src = src;
      script.async = true;
      if (options.nonce) script.nonce = options.nonce;
      document.head.append(script);
    }
  });
  loads.set(key, load);
  load.catch(() => loads.delete(key));
  return load;
}
