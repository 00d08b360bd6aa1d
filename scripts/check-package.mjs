// Packaging checks on what npm would publish (run after `npm run build`; nothing is rebuilt here):
//   1. `npm pack` into a temp dir;
//   2. publint --strict on the tarball (warnings fail too);
//   3. attw on the tarball with the esm-only profile: the package ships ESM only, on purpose
//      ("type": "module", no require condition), so CommonJS resolution is not a failure;
//   4. dist/index.js (the React entry) starts with 'use client', so React Server Component
//      frameworks treat the hooks and components as client code;
//   5. dist/core.js, dist/server.js, dist/server-redis.js and the testing entries, with every local
//      chunk they import, never import React, nor a Redis client (the app passes its own to
//      createRedisLedgerStore); the React entry imports neither msw nor @playwright/test, and
//      testing-msw / testing-playwright import only their own one;
//   6. every entry loads from the unpacked tarball both with `import` and with `require()` (Node's
//      require(esm), on by default from 20.19, the engines floor), as a CommonJS server would;
//   7. the guides README links to (src/server/README.md, src/sandbox/README.md) are in the tarball;
//   8. the opt-in stylesheet is in the tarball, exported as `react-3ds-kit/styles.css`, resolves from the
//      unpacked tarball, and is marked as a side effect (a bundler must not drop a bare CSS import).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const failures = [];
const ok = (line) => console.log(`  ok  ${line}`);
const fail = (line) => {
  failures.push(line);
  console.log(`  FAIL ${line}`);
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'react-3ds-kit-pack-'));
try {
  // --ignore-scripts: the check is about the files, and `npm test` has just built them.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const tarball = path.join(dir, packed.filename);
  console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size.toLocaleString('en-US')} B`);

  // Only dist/, the two guides and the npm defaults may ship: no sources, tests or stories.
  const paths = packed.files.map((f) => f.path);
  const guides = ['src/server/README.md', 'src/sandbox/README.md'];
  const stray = paths.filter((p) => !/^(dist\/|package\.json$|README\.md$|LICENSE)/.test(p) && !guides.includes(p));
  if (stray.length) fail(`files outside dist/ in the tarball: ${stray.join(', ')}`);
  else ok('tarball holds dist/, package.json, README.md and the two guides only');
  const missingGuides = guides.filter((guide) => !paths.includes(guide));
  if (missingGuides.length) fail(`guides missing from the tarball: ${missingGuides.join(', ')}`);
  else ok(`tarball holds ${guides.join(' and ')}`);

  const styles = pkg.exports['./styles.css'];
  if (styles !== './dist/styles.css') fail(`exports["./styles.css"] is ${JSON.stringify(styles)}, not "./dist/styles.css"`);
  else if (!paths.includes('dist/styles.css')) fail('dist/styles.css is not in the tarball');
  else ok('tarball holds dist/styles.css, exported as react-3ds-kit/styles.css');
  const sideEffects = pkg.sideEffects;
  if (!Array.isArray(sideEffects) || !sideEffects.some((glob) => /\*\.css$/.test(glob))) fail(`sideEffects ${JSON.stringify(sideEffects)} does not keep CSS files`);
  else if (sideEffects.some((glob) => /\.(m?js|ts)$|\*$/.test(glob))) fail(`sideEffects ${JSON.stringify(sideEffects)} marks JS modules too`);
  else ok(`sideEffects ${JSON.stringify(sideEffects)}: CSS only`);

  // Install the tarball's contents as node_modules/react-3ds-kit next to a tiny app, with the
  // peers linked from this repo, then load every entry the way an ESM and a CommonJS server do.
  const app = path.join(dir, 'app');
  const installed = path.join(app, 'node_modules', 'react-3ds-kit');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  // react-query is not linked: no entry may need it (no flow uses it since the Kuroco purchase flow).
  for (const peer of ['react', 'react-dom', 'payjp', 'scheduler', 'msw', '@playwright/test', 'playwright', 'playwright-core']) {
    const target = path.join(app, 'node_modules', peer);
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', peer), target, 'dir');
  }
  // Resolved, not imported: Node cannot load CSS; a bundler resolves the same way.
  writeFileSync(path.join(app, 'resolve.mjs'), `import { createRequire } from 'node:module'; import { readFileSync } from 'node:fs'; const file = import.meta.resolve('react-3ds-kit/styles.css'); if (!readFileSync(new URL(file), 'utf8').includes('.r3k-root')) throw new Error('not the stylesheet'); createRequire(import.meta.url).resolve('react-3ds-kit/styles.css');`);
  try {
    execFileSync(process.execPath, ['resolve.mjs'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    ok(`'react-3ds-kit/styles.css' resolves from the tarball (import and require)`);
  } catch (error) {
    fail(`'react-3ds-kit/styles.css' does not resolve: ${String(error.stderr ?? error.message).split('\n').find((line) => /Error/.test(line)) ?? error.message}`);
  }
  for (const entry of Object.keys(pkg.exports).filter((key) => key !== './package.json' && !key.endsWith('.css'))) {
    const specifier = entry === '.' ? 'react-3ds-kit' : `react-3ds-kit/${entry.slice(2)}`;
    for (const [kind, file, code] of [
      ['import', 'load.mjs', `const m = await import(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) throw new Error('no exports');`],
      ['require', 'load.cjs', `const m = require(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) throw new Error('no exports');`],
    ]) {
      writeFileSync(path.join(app, file), code);
      try {
        execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        ok(`${kind}('${specifier}') loads from the tarball`);
      } catch (error) {
        fail(`${kind}('${specifier}') failed: ${String(error.stderr ?? error.message).split('\n').find((line) => /Error/.test(line)) ?? error.message}`);
      }
    }
  }

  const buffer = readFileSync(tarball);
  const tarballBytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const { messages, pkg: packedPkg } = await publint({ pack: { tarball: tarballBytes }, strict: true });
  if (messages.length === 0) ok('publint --strict: no errors, warnings or suggestions');
  for (const message of messages) {
    const line = `publint ${message.type}: ${formatMessage(message, packedPkg, { color: false })}`;
    // Suggestions are advice, not failures; strict mode already turned warnings into errors.
    if (message.type === 'suggestion') console.log(`  note ${line}`);
    else fail(line);
  }

  try {
    const attw = path.join(root, 'node_modules/.bin/attw');
    // The stylesheet has no types to resolve: attw checks the JS entries (step 8 checks the CSS).
    const output = execFileSync(attw, [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--format', 'table', '--no-summary', '--no-color', '--no-emoji'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    ok('attw --profile esm-only: no problems');
    console.log(output.replace(/^/gm, '       '));
  } catch (error) {
    fail(`attw --profile esm-only found problems:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 'use client' must be the file's first statement, before any import.
const reactEntry = path.join(root, pkg.exports['.'].default);
if (/^\s*(['"])use client\1;?/.test(readFileSync(reactEntry, 'utf8'))) ok(`${path.relative(root, reactEntry)} starts with 'use client'`);
else fail(`${path.relative(root, reactEntry)} does not start with 'use client'`);

// Follow relative imports from an entry through the shared chunks it pulls in.
function importsOf(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g)].map((m) => m[2]);
  return specifiers.flatMap((spec) => (spec.startsWith('.') ? importsOf(path.resolve(path.dirname(file), spec), seen) : [spec]));
}
// No entry needs @tanstack/react-query: apps build without it installed.
for (const entry of Object.keys(pkg.exports).filter((key) => key !== './package.json' && !key.endsWith('.css'))) {
  const file = path.join(root, pkg.exports[entry].default);
  const query = [...new Set(importsOf(file))].filter((spec) => /^@tanstack\//.test(spec));
  if (query.length) fail(`${path.relative(root, file)} imports ${query.join(', ')}`);
  else ok(`${path.relative(root, file)} and its chunks import no @tanstack package`);
}
for (const entry of ['./core', './server', './server/redis', './testing', './testing/playwright', './testing/msw']) {
  const file = path.join(root, pkg.exports[entry].default);
  const specs = [...new Set(importsOf(file))];
  const react = specs.filter((spec) => /^(react|react-dom|@tanstack\/react-query)($|\/)/.test(spec));
  if (react.length) fail(`${path.relative(root, file)} imports ${react.join(', ')}`);
  else ok(`${path.relative(root, file)} and its chunks import no React`);
  // The Redis adapter takes the app's client: no entry may load a Redis package itself.
  const redis = specs.filter((spec) => /^(redis|ioredis|@redis\/)/.test(spec));
  if (redis.length) fail(`${path.relative(root, file)} imports ${redis.join(', ')}`);
  else ok(`${path.relative(root, file)} and its chunks import no Redis client`);
}

// The test helpers stay out of the React entry, and each testing entry loads only its own peer.
const testPeers = /^(msw|@playwright\/test|playwright-core)($|\/)/;
const peersOf = (entry) => [...new Set(importsOf(path.join(root, pkg.exports[entry].default)))].filter((spec) => testPeers.test(spec));
for (const [entry, allowed] of [['.', []], ['./core', []], ['./sandbox', []], ['./testing', []], ['./testing/playwright', ['@playwright/test']], ['./testing/msw', ['msw']]]) {
  const extra = peersOf(entry).filter((spec) => !allowed.includes(spec));
  if (extra.length) fail(`${pkg.exports[entry].default} imports ${extra.join(', ')}`);
  else ok(`${pkg.exports[entry].default} imports ${allowed.length ? `only ${allowed.join(', ')} of the test peers` : 'no test peer (msw, @playwright/test)'}`);
}

if (failures.length) {
  console.error(`\npackage check failed (${failures.length})`);
  process.exit(1);
}
console.log('\npackage check passed');
