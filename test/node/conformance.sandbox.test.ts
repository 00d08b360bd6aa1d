// The conformance check run the way CI runs it: no keys, so against a sandbox, over HTTP and one
// headless Chromium. Each unknown must come out as the sandbox variant that was configured.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchConformanceBrowser, parseArgs, runConformance, VARIANTS, type VariantName } from '../../src/conformance';
import { createSandbox, type SandboxServer } from '../../src/sandbox';
import { chromiumExecutable } from '../support/chromium';
import { expectedDefault, variantSets } from '../support/conformance';

let browser: Browser;
beforeAll(async () => {
  browser = await launchConformanceBrowser(chromiumExecutable);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('conformance check against the default sandbox', () => {
  it('runs every probe and classifies every unknown as its default variant', async () => {
    const report = await runConformance({ sharedBrowser: browser });
    expect(report.target).toBe('sandbox');
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    const byOption = Object.fromEntries(report.rows.map((row) => [row.option, row]));
    for (const option of Object.keys(VARIANTS) as VariantName[]) {
      if (option === 'rateLimit') continue;
      expect({ option, status: byOption[option]?.status, variant: byOption[option]?.variant }).toEqual({ option, status: 'matched', variant: expectedDefault(option) });
    }
    // No 429 is ever provoked: the row says so instead of guessing.
    expect(byOption.rateLimit).toMatchObject({ status: 'not-observable', variant: null });
    expect(report.ok).toBe(true);
    expect(report.apiCalls).toBeLessThanOrEqual(25);
  }, 120_000);
});

describe('conformance check against non-default sandbox variants', () => {
  // Every sandbox option the check classifies, each non-default value at least once.
  it.each(variantSets().map((set) => [set.map(([option, value]) => `${option}=${value}`).join(', '), set] as const))(
    '%s: each is recognised',
    async (_, set) => {
      const argv = set.flatMap(([option, , argument]) => ['--sandbox-variant', `${option}=${argument}`]);
      const { run } = parseArgs(['--only', set.map(([option]) => option).join(','), ...argv], {});
      const report = await runConformance({ ...run, sharedBrowser: browser });
      const seen = set.map(([option]) => report.rows.find((row) => row.option === option));
      expect(seen.map((row) => [row?.option, row?.status, row?.variant])).toEqual(set.map(([option, value]) => [option, 'matched', value]));
    },
    90_000,
  );

  it('runs the same probes on the test-keys path (here pointed at a sandbox instead of api.pay.jp)', async () => {
    // The live path (liveTarget) pointed at a sandbox: what a merchant's run does, minus PAY.JP.
    const server: SandboxServer = await createSandbox().listen();
    try {
      const report = await runConformance({
        live: { publicKey: 'pk_test_sandbox', secretKey: 'sk_test_sandbox', apiBase: server.payjpApiBase, payjsUrl: server.payjsUrl, kuroco: { apiBase: server.kurocoApiBase } },
        only: ['secondFinish', 'authFailureStatus'],
        sharedBrowser: browser,
      });
      expect(report.target).toBe('payjp-test');
      expect(report.rows.map((row) => [row.option, row.variant])).toEqual([
        ['authFailureStatus', expectedDefault('authFailureStatus')],
        ['secondFinish', expectedDefault('secondFinish')],
      ]);
      expect(report.ok).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('reports a crashed probe and a failed assumption instead of a variant when the API cannot be reached', async () => {
    const report = await runConformance({
      live: { publicKey: 'pk_test_x', secretKey: 'sk_test_x', apiBase: 'http://127.0.0.1:9/v1', payjsUrl: 'http://127.0.0.1:9/pay.js' },
      only: ['tokenThreeDSecure'],
      browser: false,
    });
    expect(report.rows.find((row) => row.option === 'tokenThreeDSecure')).toMatchObject({ status: 'crashed', variant: null });
    expect(report.checks.some((c) => !c.ok)).toBe(true);
    expect(report.ok).toBe(false);
  }, 30_000);
});
