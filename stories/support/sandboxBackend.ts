import { createKurocoBackend, type KurocoBackendOptions } from '../../src/core';

/** The sandbox's default access token (see src/sandbox/README.md). */
export const SANDBOX_ACCESS_TOKEN = 'sandbox-access-token';

/** Where the demos' frame lands after 3-D Secure: a static page on Storybook's own origin. */
export const DEMO_RETURN_PATH = '/sandbox-return.html';

/** A Kuroco backend against the sandbox mounted on Storybook's (or the test server's) origin. */
export function createSandboxKurocoBackend(overrides: Partial<KurocoBackendOptions> = {}) {
  return createKurocoBackend({
    baseUrl: window.location.origin,
    auth: { type: 'token', token: SANDBOX_ACCESS_TOKEN },
    returnPath: DEMO_RETURN_PATH,
    ...overrides,
  });
}
