// The test suites on each React major the kit promises (`^18.2.0 || ^19.0.0`), one major after the
// other (two cores: no parallel jobs; Playwright keeps its one worker):
//   React 19: every Vitest project (unit, node, browser, storybook), then the whole e2e suite;
//   React 18: the browser project, then the whole e2e suite (REACT_VERSION=18 points react/react-dom
//             at the `react18` / `react-dom18` aliases, test/support/reactVersion.ts).
// Every step runs even when an earlier one failed, so the log always shows both majors; the exit code
// is non-zero when any step failed. The last lines are one summary per major: counts and duration.
// The e2e app is a Vite dev server, not a build: the React 18 pass only starts it again on the
// aliases (its own pre-bundle cache), nothing is rebuilt.
// Usage: node scripts/test-react.mjs [19] [18]   (both when none is named, 19 first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** What each major runs: the Vitest projects (none named = all of them) and the e2e suite. */
const MATRIX = {
  19: { vitestProjects: [], vitestLabel: 'unit, node, browser, storybook' },
  18: { vitestProjects: ['browser'], vitestLabel: 'browser' },
};

const asked = process.argv.slice(2);
for (const major of asked) if (!(major in MATRIX)) throw new Error(`unknown React major "${major}" (expected 18 or 19)`);
const majors = asked.length ? asked : ['19', '18'];

const duration = (ms) => {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
};

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs one step, returns its exit status and wall time; output goes straight to the log. */
function run(command, args, env) {
  const since = Date.now();
  console.log(`\n$ ${[...Object.entries(env).map(([key, value]) => `${key}=${value}`), path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  // A signal (killed, out of memory) has no status: count it as a failure.
  return { status: result.status ?? 1, ms: Date.now() - since };
}

/** "123 passed, 0 failed" from Vitest's JSON report; a file that fails to load (no test failed) shows too. */
function vitestCounts(report, status) {
  if (!report) return { text: `no report (exit ${status})`, failed: true };
  const failedFiles = report.testResults.filter((file) => file.status === 'failed').length;
  const skipped = report.numPendingTests + report.numTodoTests;
  const parts = [`${report.numPassedTests} passed`, `${report.numFailedTests} failed`];
  if (failedFiles) parts.push(`in ${failedFiles} of ${report.testResults.length} files`);
  if (skipped) parts.push(`${skipped} skipped`);
  return { text: parts.join(', '), failed: !report.success || failedFiles > 0 || status !== 0 };
}

/** The same from Playwright's JSON report; errors outside tests (the webServer) count as failed. */
function playwrightCounts(report, status) {
  if (!report?.stats) return { text: `no report (exit ${status})`, failed: true };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const parts = [`${expected} passed`, `${unexpected} failed`];
  if (flaky) parts.push(`${flaky} flaky`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (report.errors?.length) parts.push(`${report.errors.length} errors outside tests`);
  return { text: parts.join(', '), failed: unexpected > 0 || report.errors?.length > 0 || status !== 0 };
}

const reports = mkdtempSync(path.join(os.tmpdir(), 'react-3ds-kit-react-matrix-'));
const summaries = [];
let anyFailed = false;
try {
  for (const major of majors) {
    const { vitestProjects, vitestLabel } = MATRIX[major];
    const env = { REACT_VERSION: major, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
    console.log(`\n== React ${major}: ${vitestLabel}, e2e (whole suite) ==`);

    const vitestJson = path.join(reports, `vitest-${major}.json`);
    const projectArgs = vitestProjects.flatMap((project) => ['--project', project]);
    const vitest = run(bin('vitest'), ['run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], env);
    const vitestResult = vitestCounts(existsSync(vitestJson) ? readJson(vitestJson) : undefined, vitest.status);

    const e2eJson = path.join(reports, `e2e-${major}.json`);
    const e2e = run(bin('playwright'), ['test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: e2eJson });
    const e2eResult = playwrightCounts(existsSync(e2eJson) ? readJson(e2eJson) : undefined, e2e.status);

    const failed = vitestResult.failed || e2eResult.failed;
    anyFailed ||= failed;
    summaries.push(
      `React ${major}: ${failed ? 'FAILED' : 'green'} in ${duration(vitest.ms + e2e.ms)}` +
        ` | vitest (${vitestLabel}): ${vitestResult.text} in ${duration(vitest.ms)}` +
        ` | e2e: ${e2eResult.text} in ${duration(e2e.ms)}`,
    );
  }
} finally {
  rmSync(reports, { recursive: true, force: true });
}

console.log('\n== React matrix ==');
for (const line of summaries) console.log(line);
process.exitCode = anyFailed ? 1 : 0;
