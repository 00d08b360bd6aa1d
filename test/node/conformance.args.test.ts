// The command line and environment of react-3ds-kit-conformance.
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/conformance/parseArgs';

const usage = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    parseArgs(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('parseArgs', () => {
  it('without keys checks a sandbox, with the variants asked for', () => {
    const { run, json } = parseArgs(['--json', '--sandbox-variant', 'secondFinish=ok', '--sandbox-variant=authFailureStatus=403', '--sandbox-variant', 'rateLimit=5/60000', '--sandbox-variant', 'payjsHelperFrames=false'], {});
    expect(json).toBe(true);
    expect(run.live).toBeUndefined();
    expect(run.sandbox).toEqual({ payjp: { secondFinish: 'ok', rateLimit: { requests: 5, perMs: 60000 }, payjsHelperFrames: false }, kuroco: { authFailureStatus: 403 } });
  });

  it('with test keys checks PAY.JP, and a Kuroco site when one is given', () => {
    const { run } = parseArgs(['--only', 'secondFinish,payjsOverlay'], {
      PAYJP_SECRET_KEY: 'sk_test_abc',
      PAYJP_PUBLIC_KEY: 'pk_test_def',
      KUROCO_BASE_URL: 'https://example.g.kuroco.app/',
      KUROCO_API_ID: '3',
      KUROCO_ACCESS_TOKEN: 'tok',
    });
    expect(run.only).toEqual(['secondFinish', 'payjsOverlay']);
    expect(run.live).toEqual({ secretKey: 'sk_test_abc', publicKey: 'pk_test_def', kuroco: { apiBase: 'https://example.g.kuroco.app/rcms-api/3', orderDetailsPath: undefined, accessToken: 'tok' } });
  });

  it('refuses live keys without ever printing them', () => {
    const message = usage([], { PAYJP_SECRET_KEY: 'sk_live_secret123', PAYJP_PUBLIC_KEY: 'pk_live_public456' });
    expect(message).toMatch(/live key/);
    expect(message).not.toContain('secret123');
    expect(usage([], { PAYJP_SECRET_KEY: 'sk_test_a', PAYJP_PUBLIC_KEY: 'pk_live_public456' })).not.toContain('public456');
  });

  it('needs both keys, and keeps sandbox variants for the sandbox', () => {
    expect(usage([], { PAYJP_SECRET_KEY: 'sk_test_a' })).toMatch(/both/);
    expect(usage(['--sandbox-variant', 'secondFinish=ok'], { PAYJP_SECRET_KEY: 'sk_test_a', PAYJP_PUBLIC_KEY: 'pk_test_b' })).toMatch(/sandbox only/);
    expect(parseArgs(['--sandbox'], { PAYJP_SECRET_KEY: 'sk_test_a', PAYJP_PUBLIC_KEY: 'pk_test_b' }).run.live).toBeUndefined();
  });

  it('rejects unknown arguments and unknown unknowns', () => {
    expect(usage(['--frobnicate'])).toMatch(/unknown argument/);
    expect(usage(['--only', 'nope'])).toMatch(/unknown nope/);
    expect(usage(['--sandbox-variant', 'nope=1'])).toMatch(/NAME=VALUE/);
  });
});
