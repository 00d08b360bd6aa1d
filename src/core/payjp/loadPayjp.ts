import { loadScript } from '../script/loadScript';
import type { PayjpStatic } from './payjs';
import { rememberPayjsOrigin } from './payjsOrigins';

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

function readPayjp(): PayjpStatic | undefined {
  const candidate = (globalThis as { Payjp?: unknown }).Payjp;
  return typeof candidate === 'function' ? (candidate as PayjpStatic) : undefined;
}

/**
 * Loads pay.js once per page and resolves `window.Payjp`: reuses a tag that is already there,
 * resolves `null` during server rendering, and lets a later call retry after a failure.
 */
export function loadPayjp(options: LoadPayjpOptions = {}): Promise<PayjpStatic | null> {
  const src = options.jsUrl ?? PAYJS_URL;
  // pay.js's frames may come from where pay.js itself does: the kit counts them as pay.js's.
  if (typeof document !== 'undefined') rememberPayjsOrigin(src);
  return loadScript({ src, read: readPayjp, name: 'pay.js', globalName: 'Payjp', errorCode: 'payjs_load_failed', nonce: options.nonce, timeoutMs: options.timeoutMs });
}
