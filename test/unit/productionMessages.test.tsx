import { render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeAllowedOrigins, actionRefusalReason } from '../../src/core/acs/isAllowedActionUrl';
import { createThreeDSecureClient } from '../../src/core/client/createThreeDSecureClient';
import { isThreeDSecureError } from '../../src/core/errors';
import { createKurocoPurchaseFlow } from '../../src/core/kuroco/createKurocoPurchaseFlow';
import type { KurocoBackend } from '../../src/core/kuroco/types';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { assertSameOriginPath } from '../../src/core/returnPath';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { useKurocoPurchase } from '../../src/react/useKurocoPurchase';

// Production builds drop the developer advice (process.env.NODE_ENV guards): the error code and
// what went wrong stay, the how-to-fix sentence and the warnings go. Development keeps them (the
// other tests assert the full texts).

const kuroco = (): KurocoBackend => ({ provider: 'kuroco', returnPath: '/r', purchase: vi.fn(), getPaymentStatus: vi.fn(async () => 'paid' as const) });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectShort(error: unknown, code: string, message: string) {
  expect(isThreeDSecureError(error)).toBe(true);
  expect(error).toMatchObject({ code, message });
}

describe('in a production build', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('a hook outside the provider, or under the wrong backend, still fails as misconfigured, briefly', () => {
    expectShort(
      thrown(() => renderHook(() => useKurocoPurchase())),
      'misconfigured',
      'useKurocoPurchase(): no <ThreeDSecureProvider>',
    );
    const payjp = createPayjpBackend({ baseUrl: '/api/3ds' });
    expectShort(
      thrown(() =>
        renderHook(() => useKurocoPurchase(), {
          wrapper: ({ children }) => (
            <ThreeDSecureProvider backend={payjp} workflow="redirect">
              {children}
            </ThreeDSecureProvider>
          ),
        }),
      ),
      'misconfigured',
      'useKurocoPurchase(): not a kuroco backend',
    );
  });

  it('the provider refuses missing or double configuration with the same code', () => {
    expectShort(
      thrown(() => render(<ThreeDSecureProvider />)),
      'misconfigured',
      '<ThreeDSecureProvider>: no client or backend',
    );
    const backend = kuroco();
    expectShort(
      thrown(() => render(<ThreeDSecureProvider backend={backend} client={createThreeDSecureClient({ backend })} />)),
      'misconfigured',
      '<ThreeDSecureProvider>: client and backend',
    );
    expectShort(
      thrown(() => render(<ThreeDSecureProvider backend={createPayjpBackend({ baseUrl: '/api/3ds' })} />)),
      'misconfigured',
      '<ThreeDSecureProvider>: no publicKey',
    );
  });

  it('does not warn about unsupported changes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = createThreeDSecureClient({ backend: kuroco() });
    const view = render(<ThreeDSecureProvider client={first} />);
    view.rerender(<ThreeDSecureProvider client={createThreeDSecureClient({ backend: kuroco() })} />);
    const flow = createKurocoPurchaseFlow({ client: first });
    flow.setOptions({ client: createThreeDSecureClient({ backend: kuroco() }) });
    expect(warn).not.toHaveBeenCalled();
  });

  it('core checks keep their codes and say what was wrong', () => {
    expectShort(
      thrown(() => assertSameOriginPath('https://evil.example/')),
      'return_url_not_allowed',
      'returnPath: "https://evil.example/"',
    );
    expectShort(
      thrown(() => normalizeAllowedOrigins(['nope'])),
      'misconfigured',
      'allowedActionOrigins: not an origin: "nope"',
    );
    // A loopback http action is refused the same way; only the hint about listing it goes.
    expect(actionRefusalReason('http://localhost:8080/acs')).toBe('it is not https');
    expect(actionRefusalReason('http://localhost:8080/acs', new Set(['http://localhost:8080']))).toBeUndefined();
  });
});

describe('in development', () => {
  it('the hints are there (the guard reads NODE_ENV, not a constant)', () => {
    expect(actionRefusalReason('http://localhost:8080/acs')).toContain('allowedActionOrigins: ["http://localhost:8080"]');
  });
});
