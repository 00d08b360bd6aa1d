import { ThreeDSecureError } from '../errors';
import type { PayjpStatic } from './payjs';

/** PAY.JP serves pay.js itself: bundling or self-hosting it is not allowed. */
export const PAYJS_URL = 'https://js.pay.jp/v2/pay.js';

export interface LoadPayjpOptions {
  /** Where pay.js comes from; tests and demos point it at the sandbox. @default 'https://js.pay.jp/v2/pay.js' */
  jsUrl?: string;
  /** A CSP nonce for the script tag. */
  nonce?: string;
  /** Give up (and allow a retry) after this long. @default 15000 */
  timeoutMs?: number;
}

// One load per URL per page; a failed load is forgotten so the next call tries again.
const loads = new Map<string, Promise<PayjpStatic>>();

function readPayjp(): PayjpStatic | undefined {
  const candidate = (globalThis as { Payjp?: unknown }).Payjp;
  return typeof candidate === 'function' ? (candidate as PayjpStatic) : undefined;
}

function findScript(src: string): HTMLScriptElement | undefined {
  return Array.from(document.scripts).find((script) => script.src === src);
}

/**
 * Loads pay.js once per page and resolves `window.Payjp`: reuses a tag that is already there,
 * resolves `null` during server rendering, and lets a later call retry after a failure.
 */
export function loadPayjp(options: LoadPayjpOptions = {}): Promise<PayjpStatic | null> {
  if (typeof window === 'undefined' || typeof document === 'undefined') return Promise.resolve(null);
  const src = new URL(options.jsUrl ?? PAYJS_URL, document.baseURI).toString();
  const existing = findScript(src);
  const ready = readPayjp();
  if (existing && ready) return Promise.resolve(ready);
  const cached = loads.get(src);
  if (cached) return cached;

  const load = new Promise<PayjpStatic>((resolve, reject) => {
    const script = existing ?? document.createElement('script');
    const fail = (message: string, cause?: unknown) => {
      cleanup();
      // A tag that failed cannot load again: drop it so the retry starts clean.
      script.remove();
      reject(new ThreeDSecureError('payjs_load_failed', `${message} (${src}). Check the network and that the CSP script-src allows it.`, { cause }));
    };
    const onLoad = () => {
      const payjp = readPayjp();
      cleanup();
      if (payjp) resolve(payjp);
      else fail('pay.js loaded but did not define window.Payjp');
    };
    const onError = (event: Event) => fail('pay.js could not be loaded', event);
    const timer = setTimeout(() => fail(`pay.js did not load within ${options.timeoutMs ?? 15_000} ms`), options.timeoutMs ?? 15_000);
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
  loads.set(src, load);
  load.catch(() => loads.delete(src));
  return load;
}
