import { ThreeDSecureError } from './errors';

/**
 * Checks that a configured return path stays on this site: it starts with one `/`, has no scheme,
 * no backslash trickery and no control characters. Throws `return_url_not_allowed` otherwise.
 */
export function assertSameOriginPath(path: string): string {
  const ok =
    typeof path === 'string' &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f\s]/.test(path);
  if (!ok) {
    throw new ThreeDSecureError(
      'return_url_not_allowed',
      `returnPath must be a path on this site such as "/order/3dsec/", got ${JSON.stringify(path)}`,
    );
  }
  // Resolving against a dummy origin catches "/%2e%2e"-style surprises without touching the page URL.
  const resolved = new URL(path, 'https://same-origin.invalid');
  if (resolved.origin !== 'https://same-origin.invalid') {
    throw new ThreeDSecureError('return_url_not_allowed', `returnPath ${JSON.stringify(path)} leaves the site`);
  }
  return path;
}
