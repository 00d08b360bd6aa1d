import { expect } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';

/** The ThreeDSecureError code that `run` throws, or undefined when it returns. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ThreeDSecureError);
    return (error as ThreeDSecureError).code;
  }
  return undefined;
}
