import { describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { assertSameOriginPath } from '../../src/core/returnPath';

describe('assertSameOriginPath', () => {
  it.each(['/order/3dsec/', '/return?from=3ds', '/'])('accepts %s', (path) => {
    expect(assertSameOriginPath(path)).toBe(path);
  });

  // F14: browsers keep these on the site, but a server that decodes or normalises the URL before
  // writing `Location` could turn them into //evil.example.
  const encodedOrDotted = ['/%2F%2Fevil.example', '/%2f%2fevil.example', '/%5Cevil.example', '/%5cevil.example', '/%09/evil.example', '/%0a/x', '/..//evil.example', '/a/..//evil.example', '/.//evil.example', '/%2e%2e//evil.example'];

  it.each(['/order/3dsec/%E3%81%82', '/a//b', '/a/../b/'])('still accepts %s (stays a path on the site)', (path) => {
    expect(assertSameOriginPath(path)).toBe(path);
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'order/3dsec', 'javascript:alert(1)', '/a b', '/x\n', '', ...encodedOrDotted])(
    'refuses %j with return_url_not_allowed',
    (path) => {
      const error = (() => {
        try {
          assertSameOriginPath(path);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ThreeDSecureError);
      expect((error as ThreeDSecureError).code).toBe('return_url_not_allowed');
    },
  );
});
