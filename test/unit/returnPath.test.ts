import { describe, expect, it } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { assertSameOriginPath } from '../../src/core/returnPath';

describe('assertSameOriginPath', () => {
  it.each(['/order/3dsec/', '/return?from=3ds', '/'])('accepts %s', (path) => {
    expect(assertSameOriginPath(path)).toBe(path);
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'order/3dsec', 'javascript:alert(1)', '/a b', '/x\n', ''])(
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
