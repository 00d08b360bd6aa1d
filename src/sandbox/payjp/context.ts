import { sign, verify } from '../paygent/signing';

/** How the challenge was opened: a top-level redirect, payjs' iframe, or payjs' sub-window. */
export type TdsWorkflow = 'redirect' | 'iframe' | 'subwindow';

/**
 * Where the challenge page goes when done. Carried through the page's forms as a signed hidden
 * field, so neither the return URL nor the message origin can be changed in the browser.
 */
export interface TdsContext {
  id: string;
  workflow: TdsWorkflow;
  /** redirect: the URL signed in `back_url`, used as is. */
  backUrl?: string;
  /** iframe / subwindow: the origin of the page that loaded pay.js (postMessage target). */
  origin?: string;
}

export function sealContext(key: Buffer, context: TdsContext): string {
  return sign(key, Buffer.from(JSON.stringify(context)).toString('base64url'));
}

/** The context, or null when the signature does not match or the value is not one. */
export function openContext(key: Buffer, sealed: string | null): TdsContext | null {
  const value = sealed === null ? null : verify(key, sealed);
  if (value === null) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as TdsContext;
    return typeof parsed.id === 'string' && ['redirect', 'iframe', 'subwindow'].includes(parsed.workflow) ? parsed : null;
  } catch {
    return null;
  }
}

/** `value` if it is exactly an http(s) origin (`scheme://host[:port]`, nothing after), else null. */
export function httpOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}
