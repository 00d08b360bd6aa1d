// Leaks, as figures: runs test/browser/leaks.test.tsx (the same test `npm test` runs) three ways
// and reports what it counted.
//
//   node scripts/bench-leaks.mjs            run and print
//   node scripts/bench-leaks.mjs --write    also rewrite the leaks section of BENCHMARKS.md
//
// 1. the kit, 100 cycles: exactly the `npm test` run, with its heap check (< 512 KB from cycle 10 to 100);
// 2. the kit, 400 cycles: long enough to tell warm-up from a slope;
// 3. the control, 400 cycles: the same backend requests and pay.js overlays without the kit or React.
// Each cycle starts a customer-card verification (iframe workflow), waits for the issuer's page in
// the overlay, and cancels it (odd cycles: cancel(); even: unmount). The heap is read over the
// DevTools protocol after forced full GCs: V8's JS heap plus Blink's heap (DOM), separately.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './benchmarksFile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');
const cache = path.join(root, 'node_modules/.cache/bench');
mkdirSync(cache, { recursive: true });

const RUNS = [
  { id: 'kit100', label: 'kit, 100 cycles (the `npm test` run)', env: { VITE_LEAKS_CYCLES: '100' } },
  { id: 'kit400', label: 'kit, 400 cycles', env: { VITE_LEAKS_CYCLES: '400' } },
  { id: 'control400', label: 'control without the kit, 400 cycles', env: { VITE_LEAKS_CYCLES: '400', VITE_LEAKS_CONTROL: '1' } },
];

const reports = {};
let failed = false;
for (const run of RUNS) {
  const report = path.join(cache, `leaks-${run.id}.json`);
  rmSync(report, { force: true });
  console.log(`bench-leaks: ${run.label} …`);
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'browser', 'test/browser/leaks.test.tsx'], {
    cwd: root,
    env: { ...process.env, ...run.env, VITE_LEAKS_REPORT: report, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    failed = true;
    console.error(`${run.label}: the test failed\n${result.stdout}\n${result.stderr}`);
  }
  if (existsSync(report)) reports[run.id] = JSON.parse(readFileSync(report, 'utf8'));
}

const kb = (bytes) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KB`;
const signedKb = (bytes) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
const perCycle = (bytes, cycles) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / cycles / 1024).toFixed(2)} KB`;

const lines = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

out('| run | overlays / iframes / popups left | window + document listeners left | timers created → pending | heap growth, cycle 10 → end (JS / DOM) | slope over the second half, per cycle (JS + DOM) |');
out('|---|---:|---:|---:|---:|---:|');
for (const run of RUNS) {
  const r = reports[run.id];
  if (!r) {
    out(`| ${run.label} | no report (the run failed) | | | | |`);
    continue;
  }
  const first = r.heap[0];
  const last = r.heap.at(-1);
  const half = r.heap.find((reading) => reading.cycle >= r.cycles / 2) ?? first;
  const halfGrowth = last.js + last.dom - (half.js + half.dom);
  out(
    `| ${run.label} | ${r.overlays} / ${r.challengeIframes} / ${r.popupsOpened} | ${r.listenersLeft.length} | ${r.timersCreated} → ${r.timersPending.length} | ` +
      `**${signedKb(r.heapGrowth)}** (${signedKb(last.js - first.js)} / ${signedKb(last.dom - first.dom)}) | ${perCycle(halfGrowth, r.cycles - half.cycle)} |`,
  );
}
const kit = reports.kit100;
if (kit) {
  out();
  out(`Heap after cycle (JS + DOM, ${kit.mode} run of 100): ${kit.heap.map((reading) => `${reading.cycle}: ${kb(reading.js + reading.dom)}`).join(', ')}.`);
  out(`Threshold: growth under ${kb(kit.heapNoiseBytes)} from cycle 10 to 100; measured ${signedKb(kit.heapGrowth)}.`);
}
for (const run of RUNS) {
  const r = reports[run.id];
  if (r?.timersPending.length) out(`Pending timers in "${run.label}": ${r.timersPending.map((t) => `${t.kind} ${t.delay} ms at ${t.stack}`).join('; ')}`);
  if (r?.listenersLeft.length) out(`Listeners left in "${run.label}": ${r.listenersLeft.join(', ')}`);
}

if (write && !failed) {
  const file = path.join(root, 'BENCHMARKS.md');
  const start = '<!-- leaks:start -->';
  const end = '<!-- leaks:end -->';
  const section = [
    start,
    '## Leaks',
    '',
    'Regenerate with `npm run bench:leaks` ([scripts/bench-leaks.mjs](scripts/bench-leaks.mjs), which runs',
    '[test/browser/leaks.test.tsx](test/browser/leaks.test.tsx), part of `npm test`). Each cycle starts a',
    'customer-card verification with `useThreeDSecure` (iframe workflow, StrictMode) against the sandbox\'s',
    'pay.js and the kit\'s handler, waits until the issuer\'s challenge page is rendered in the overlay, then',
    'cancels: odd cycles with `cancel()`, even ones by unmounting the component (a new one mounts). Listeners',
    'and timers are counted by wrapping `addEventListener`/`removeEventListener` on window and document and',
    '`setTimeout`/`clearTimeout`/`setInterval`/`clearInterval` while the cycles run; popups by wrapping',
    '`window.open`. The heap is read through the DevTools protocol after forced full GCs',
    '(`HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`: V8\'s JS heap and Blink\'s heap, which holds the',
    'DOM), median of three reads. The control does the same requests and pay.js calls with no kit and no',
    'React, removing the overlay as a page would.',
    '',
    ...lines,
    '',
    'Reading the figures:',
    '',
    '- Nothing is left behind: no overlay, iframe or popup, no listener, no pending timer (the timers the',
    '  kit creates, about two per cycle for request time limits, are all cleared).',
    '- The heap threshold (512 KB over 90 cycles, about 5.7 KB a cycle) sits above the noise and far below',
    '  a real leak. Noise: V8 warm-up (feedback and optimised code for React and the kit) that levels off',
    '  after about 200 cycles, as the 400-cycle run shows, and Blink\'s heap, which also grows by about',
    '  half a KB a cycle in the control without the kit (resource timing entries, the memory cache).',
    '  A leak: keeping one challenge iframe\'s window alive (what a forgotten `message` listener that',
    '  closes over `frame.contentWindow` does) measured +365 KB per cycle, 33 MB over 90 cycles.',
    '- The test mounts with `createRoot` itself: the test library\'s `render` keeps every container and',
    '  root until the test ends, which measured about 10 KB per remount and is not the kit\'s.',
    end,
  ].join('\n');
  writeSection(file, start, end, section, root);
}

if (failed) process.exit(1);
