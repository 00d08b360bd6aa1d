import { ThreeDSecureError } from '../errors';
import type { PaygentTokenConstructor } from './types';

/** Paygent's production PaygentToken.js. Its test environment serves `https://sandbox.paygent.co.jp/js/PaygentToken.js`. */
export const PAYGENT_TOKEN_JS_URL = 'https://token.paygent.co.jp/js/PaygentToken.js';

export interface LoadPaygentTokenOptions {
  /** Where PaygentToken.js comes from (Paygent's test URL, or the offline sandbox's `/paygent/js/PaygentToken.js`). @default 'https://token.paygent.co.jp/js/PaygentToken.js' */
  jsUrl?: string;
  /** A CSP nonce for the script tag. */
  nonce?: string;
  /** Give up (and allow a retry) after this long. @default 15000 */
  timeoutMs?: number;
}

// One load per URL per page; a failed load is forgotten so the next call tries again.
const loads = new Map<string, Promise<PaygentTokenConstructor>>();

function readPaygentToken(): PaygentTokenConstructor | undefined {
  const candidate = (globalThis as { PaygentToken?: unknown }).PaygentToken;
  return typeof candidate === 'function' ? (candidate as PaygentTokenConstructor) : undefined;
}

function findScript(src: string): HTMLScriptElement | undefined {
  return Array.from(document.scripts).find((script) => script.src === src);
}

/**
 * Loads PaygentToken.js once per page and resolves `window.PaygentToken`: reuses a tag that is
 * already there, resolves `null` during server rendering, and lets a later call retry after a
 * failure (`network_error`: offline, blocked by CSP `script-src`, or no `PaygentToken` defined).
 *
 * CSP: `script-src` must allow the script's origin (`https://token.paygent.co.jp`, or
 * `https://sandbox.paygent.co.jp` in Paygent's test environment), and `connect-src` the host the
 * script calls (Paygent does not document it: allow what your browser's console reports). Pass
 * `nonce` when the policy uses nonces.
 */
export function loadPaygentToken(options: LoadPaygentTokenOptions = {}): Promise<PaygentTokenConstructor | null> {
  if (typeof window === 'undefined' || typeof document === 'undefined') return Promise.resolve(null);
  const src = new URL(options.jsUrl ?? PAYGENT_TOKEN_JS_URL, document.baseURI).toString();
  const existing = findScript(src);
  const ready = readPaygentToken();
  if (existing && ready) return Promise.resolve(ready);
  const cached = loads.get(src);
  if (cached) return cached;

  const timeoutMs = options.timeoutMs ?? 15_000;
  const load = new Promise<PaygentTokenConstructor>((resolve, reject) => {
    const script = existing ?? document.createElement('script');
    const fail = (message: string, cause?: unknown) => {
      cleanup();
      // A tag that failed cannot load again: drop it so the retry starts clean.
      script.remove();
      reject(new ThreeDSecureError('network_error', `${message} (${src}). Check the network and that the CSP script-src allows it.`, { cause }));
    };
    const onLoad = () => {
      const PaygentToken = readPaygentToken();
      cleanup();
      if (PaygentToken) resolve(PaygentToken);
      else fail('PaygentToken.js loaded but did not define window.PaygentToken');
    };
    const onError = (event: Event) => fail('PaygentToken.js could not be loaded', event);
    const timer = setTimeout(() => fail(`PaygentToken.js did not load within ${timeoutMs} ms`), timeoutMs);
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
