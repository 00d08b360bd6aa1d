import { loadScript } from '../script/loadScript';
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

function readPaygentToken(): PaygentTokenConstructor | undefined {
  const candidate = (globalThis as { PaygentToken?: unknown }).PaygentToken;
  return typeof candidate === 'function' ? (candidate as PaygentTokenConstructor) : undefined;
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
  return loadScript({
    src: options.jsUrl ?? PAYGENT_TOKEN_JS_URL,
    read: readPaygentToken,
    name: 'PaygentToken.js',
    globalName: 'PaygentToken',
    errorCode: 'network_error',
    nonce: options.nonce,
    timeoutMs: options.timeoutMs,
  });
}
