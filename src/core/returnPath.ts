import { ThreeDSecureError } from './errors';

const PROBE = 'https://same-origin.invalid';

/**
 * Checks that a configured return path stays on this site: it starts with one `/`, has no scheme,
 * no backslash trickery and no control characters, and resolving it against a dummy origin (which
 * catches "/%2e%2e"-style surprises) stays there. Encoded slashes, backslashes and control
 * characters (`%2f`, `%5c`, `%09`, …) and dot segments that resolve to a `//` path are refused too:
 * browsers keep them on the site, but a server that decodes or normalises the URL before its
 * `Location` might not. Throws `return_url_not_allowed` otherwise.
 */
export function assertSameOriginPath(path: string): string {
  const ok =
    typeof path === 'string' &&
    /^\/(?![/\\])/.test(path) &&
    !path.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f\s]/.test(path) &&
    !/%(2f|5c|[01][0-9a-f]|7f)/i.test(path) &&
    isOnProbe(new URL(path, PROBE));
  if (!ok) {
    throw new ThreeDSecureError(
      'return_url_not_allowed',
      process.env.NODE_ENV !== 'production' ? `returnPath must be a path on this site such as "/order/3dsec/", got ${JSON.stringify(path)}` : `returnPath: ${JSON.stringify(path)}`,
    );
  }
  return path;
}

// `/..//evil.example` resolves to the path `//evil.example`: protocol-relative once written out again.
const isOnProbe = (url: URL) => url.origin === PROBE && !url.pathname.startsWith('//');
