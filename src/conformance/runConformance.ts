import type { Browser, Page } from 'playwright-core';
import type { SandboxOptions } from '../sandbox';
import { launchConformanceBrowser } from './browser';
import { createFixtures, type ProbeContext } from './context';
import { startPageHost } from './pageHost';
import { openTab } from './probePage';
import { createPayjpApi, type PayjpApi } from './payjpApi';
import { PROBES } from './probes';
import { redactKeys } from './redactKeys';
import { classified, type Probe } from './rows';
import { liveTarget, sandboxTarget, type LiveTargetOptions } from './target';
import type { AssumptionCheck, ConformanceReport, UnknownRow } from './types';
import type { VariantName } from './variants';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The merchant's PAY.JP test keys (and optional Kuroco site). Without it, a sandbox is started. */
  live?: LiveTargetOptions;
  /** Options of the sandbox started when `live` is not given (e.g. one variant to classify). */
  sandbox?: SandboxOptions;
  /** Only the probes that classify these unknowns (the API-object and error checks always run). */
  only?: VariantName[];
  /** `false`: skip the pay.js probes (their unknowns read `not-run`). */
  browser?: boolean;
  /** A Chromium to reuse (launched with {@link launchConformanceBrowser}); the run does not close it. */
  sharedBrowser?: Browser;
  /** Progress lines (probe names), e.g. to stderr. */
  progress?: (line: string) => void;
}

function selected(probe: Probe, only: VariantName[] | undefined): boolean {
  return !only || probe.options.length === 0 || probe.options.some((option) => only.includes(option));
}

function rateLimitRow(api: PayjpApi): UnknownRow {
  const seen = api.rateLimited[0];
  if (!seen) return { option: 'rateLimit', status: 'not-observable', observed: `no 429 in ${api.count} calls (the check stays far below any limit)`, variant: null };
  const code = seen.error?.code;
  return classified('rateLimit', `429 ${String(code ?? '(no code)')}`, code === 'over_capacity' && seen.error?.status === 429 ? 'set' : null);
}

/**
 * Walks the PAY.JP calls and pay.js behaviours the kit depends on, against the merchant's test
 * account or a sandbox, and says for each unknown which sandbox variant the provider matches.
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const target = options.live ? liveTarget(options.live) : await sandboxTarget(options.sandbox);
  const pages = await startPageHost(target.payjsUrl);
  let launched: Promise<Browser> | undefined;
  let tab: Promise<Page> | undefined;
  const browser = () => (options.sharedBrowser ? Promise.resolve(options.sharedBrowser) : (launched ??= launchConformanceBrowser()));
  const base = {
    target,
    pages,
    api: createPayjpApi(target.apiBase, target.secretKey),
    tab: () => (tab ??= browser().then(openTab)),
  };
  const ctx: ProbeContext = { ...base, fixtures: createFixtures(base) };
  const rows: UnknownRow[] = [];
  const checks: AssumptionCheck[] = [];
  try {
    for (const probe of PROBES.filter((p) => selected(p, options.only))) {
      if (probe.browser && options.browser === false) {
        rows.push(...probe.options.map((option): UnknownRow => ({ option, status: 'not-run', observed: 'pay.js probes skipped (--no-browser)', variant: null })));
        continue;
      }
      options.progress?.(`probe: ${probe.name}`);
      try {
        const result = await probe.run(ctx);
        rows.push(...result.rows);
        checks.push(...result.checks);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        rows.push(...probe.options.map((option): UnknownRow => ({ option, status: 'crashed', observed: message, variant: null })));
        checks.push({ ok: false, what: `probe "${probe.name}" ran`, detail: message });
      }
    }
    if (!options.only || options.only.includes('rateLimit')) rows.push(rateLimitRow(ctx.api));
  } finally {
    if (tab) await (await tab.catch(() => null))?.context().close();
    if (launched) await (await launched.catch(() => null))?.close();
    await pages.close();
    await target.close();
  }
  const keys = [target.secretKey, target.publicKey];
  for (const row of rows) row.observed = redactKeys(row.observed, keys);
  for (const c of checks) if (c.detail !== undefined) c.detail = redactKeys(c.detail, keys);
  const ok = checks.every((c) => c.ok) && rows.every((row) => row.status !== 'crashed' && row.status !== 'no-variant');
  return { target: target.kind, rows, checks, apiCalls: ctx.api.count, created: [...ctx.api.created], ok };
}
