import type { IncomingMessage } from 'node:http';

function httpOrigin(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Resolves `card_3dsec_return_url` to an absolute URL against the front end that sent the purchase:
 * its `Origin`, else its `Referer`'s origin, else `frontendOrigin`, else the sandbox's own origin.
 * Kuroco does not document this; the sandbox takes the front end's origin because the URL is
 * "the front-end URL to redirect to".
 */
export function resolveReturnUrl(
  returnUrl: string,
  req: IncomingMessage,
  frontendOrigin: string | undefined,
  sandboxOrigin: string,
): string {
  const referer = typeof req.headers.referer === 'string' ? req.headers.referer : undefined;
  const base = httpOrigin(req.headers.origin) ?? httpOrigin(referer) ?? frontendOrigin ?? sandboxOrigin;
  return new URL(returnUrl, base).href;
}

/** Adds `dsec_error=1` as Kuroco does on failure, whether or not there is a query, keeping any hash. */
export function withDsecError(url: string): string {
  const hashIndex = url.indexOf('#');
  const head = hashIndex < 0 ? url : url.slice(0, hashIndex);
  const hash = hashIndex < 0 ? '' : url.slice(hashIndex);
  const separator = !head.includes('?') ? '?' : head.endsWith('?') || head.endsWith('&') ? '' : '&';
  return `${head}${separator}dsec_error=1${hash}`;
}
