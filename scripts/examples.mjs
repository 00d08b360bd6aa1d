// The example apps (examples/*) against the kit as npm would ship it, the way a user installs it:
//   1. `npm run build` (skipped with --no-build, as `npm test` has just built), then `npm pack`
//      into a temp dir;
//   2. in each example: `npm ci` from its own committed lock (the npm registry only), then
//      `npm install --no-save <tarball>` (a copy of the packed files, never a link into src/);
//   3. the example's own `npm run build` and its Playwright e2e (`npm run test:e2e`, Debian's
//      Chromium; no browser download).
// Usage: node scripts/examples.mjs [--no-build] [example-name …]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const asked = args.filter((arg) => !arg.startsWith('--'));
const examples = asked.length ? asked : readdirSync(path.join(root, 'examples'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command, commandArgs, cwd, env = {}) {
  const since = Date.now();
  console.log(`\n$ (${path.relative(root, cwd) || '.'}) ${command} ${commandArgs.join(' ')}`);
  execFileSync(command, commandArgs, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  (${seconds(since)})`);
}

if (build) run('npm', ['run', 'build'], root);

const dir = mkdtempSync(path.join(os.tmpdir(), 'react-3ds-kit-examples-'));
try {
  // --ignore-scripts: the files are the ones just built; nothing runs at pack time.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  const tarball = path.join(dir, packed.filename);
  console.log(`packed ${packed.filename} (${packed.entryCount} files)`);

  for (const name of examples) {
    const cwd = path.join(root, 'examples', name);
    const since = Date.now();
    console.log(`\n== example ${name} ==`);
    run('npm', ['ci', '--no-audit', '--no-fund'], cwd);
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], cwd);
    // Next.js would otherwise report anonymous usage to its servers (CI has no network but the registry).
    run('npm', ['run', 'build'], cwd, { NEXT_TELEMETRY_DISABLED: '1' });
    run('npm', ['run', 'test:e2e'], cwd, { NEXT_TELEMETRY_DISABLED: '1' });
    console.log(`== example ${name}: green in ${seconds(since)} ==`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nexamples: ${examples.join(', ')} green in ${seconds(started)}`);
