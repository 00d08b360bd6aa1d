import { ThreeDSecureError } from './errors';

const PROBE = 'https://same-origin.invalid';

/**
 * Checks that a configured return path stays on this site: it starts with one `/`, has no scheme,
 * no backslash trickery and no control characters, and resolving it against a dummy origin (which
 * catches "/%2e%2e"-style surprises) stays there. Throws `return_url_not_allowed` otherwise.
 */
export function assertSameOriginPath(path: string): string {
  const ok =
    typeof path === 'string' &&
    /^\/(?![/\\])/.test(path) &&
    !path.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f\s]/.test(path) &&
    new URL(path, PROBE).origin === PROBE;
  if (!ok) throw new ThreeDSecureError('return_url_not_allowed', `returnPath must be a path on this site such as "/order/3dsec/", got ${JSON.stringify(path)}`);
  return path;
}
