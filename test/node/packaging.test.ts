// The package.json shape DESIGN.md asks for. The built files and the tarball are checked by
// `npm run check:package` (publint, attw); this test needs no build and fails fast.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const ENTRIES = ['.', './core', './server', './server/redis', './sandbox', './testing', './testing/playwright', './testing/msw'];

describe('package.json', () => {
  it('is an ESM package whose only side effects are stylesheets, publishing dist/ and the two guides', () => {
    expect(pkg.type).toBe('module');
    // `false` would let a bundler drop `import 'react-3ds-kit/styles.css'`; JS modules stay side-effect free.
    expect(pkg.sideEffects).toEqual(['**/*.css']);
    expect(pkg.files).toEqual(['dist', 'src/server/README.md', 'src/sandbox/README.md']);
  });

  it('names its repository once, and README links the shipped guides absolutely through it', () => {
    const repo = String(pkg.repository.url).replace(/^git\+/, '').replace(/\.git$/, '');
    expect(repo).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(pkg.homepage).toBe(`${repo}#readme`);
    expect(pkg.bugs.url).toBe(`${repo}/issues`);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    // npm users have no src/ tree to resolve a relative link against.
    expect(readme).not.toMatch(/\]\((?!https?:|#)[^)]*\.md/);
    for (const guide of ['src/server/README.md', 'src/sandbox/README.md']) expect(readme).toContain(`](${repo}/blob/main/${guide}`);
    const githubLinks = [...readme.matchAll(/\]\((https:\/\/github\.com\/[^)#]+)/g)].map((m) => m[1] ?? '');
    for (const link of githubLinks) expect(link.startsWith(`${repo}/`), link).toBe(true);
  });

  it('exports the eight entries with types first and a `default` condition (import and require(esm)), the stylesheet, and package.json', () => {
    expect(Object.keys(pkg.exports)).toEqual([...ENTRIES, './styles.css', './package.json']);
    expect(pkg.exports['./package.json']).toBe('./package.json');
    for (const entry of ENTRIES) {
      const conditions = pkg.exports[entry];
      expect(Object.keys(conditions)[0], entry).toBe('types');
      expect(conditions.types, entry).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(conditions.default, entry).toMatch(/^\.\/dist\/[^/]+\.js$/);
      expect(conditions.import, `${entry}: an import-only condition breaks require()`).toBeUndefined();
      expect(Object.keys(conditions).at(-1), entry).toBe('default');
    }
  });

  it('exports the opt-in stylesheet, copied from src/styles/styles.css into dist/ by the build', () => {
    expect(pkg.exports['./styles.css']).toBe('./dist/styles.css');
    expect(pkg.scripts.build).toMatch(/&& node scripts\/copy-styles\.mjs$/);
    expect(readFileSync(path.join(root, 'scripts/copy-styles.mjs'), 'utf8')).toContain("'src/styles/styles.css'");
  });

  it('keeps React, payjp, redis, msw and @playwright/test as peers, all but React optional; react-query is no longer one (no flow uses it)', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@playwright/test', 'msw', 'payjp', 'react', 'react-dom', 'redis']);
    for (const peer of ['payjp', 'redis', 'msw', '@playwright/test']) expect(pkg.peerDependenciesMeta[peer]?.optional, peer).toBe(true);
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('ships the conformance check as the bin react-3ds-kit-conformance, built from src/conformance/cli.ts', () => {
    expect(pkg.bin).toEqual({ 'react-3ds-kit-conformance': './dist/conformance.js' });
    expect(readFileSync(path.join(root, 'vite.config.ts'), 'utf8')).toContain("conformance: 'src/conformance/cli.ts'");
    expect(readFileSync(path.join(root, 'src/conformance/cli.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('builds the testing entries apart from the React entry, each importing only its own peer', () => {
    const vite = readFileSync(path.join(root, 'vite.config.ts'), 'utf8');
    expect(vite).toContain("testing: 'src/testing/index.ts'");
    expect(vite).toContain("'testing-playwright': 'src/testing/playwright/index.ts'");
    expect(vite).toContain("'testing-msw': 'src/testing/msw/index.ts'");
    const importsOf = (file: string) => [...readFileSync(path.join(root, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
    const testingFiles = ['index.ts', 'createInMemoryPayjs.ts', 'createSandboxClock.ts', 'startSandbox.ts', 'testCards.ts', 'toFetchHandler.ts', 'withPayjs.ts', 'TestingHelperError.ts'];
    for (const file of testingFiles) expect(importsOf(`src/testing/${file}`).filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:')), file).toEqual([]);
    expect(importsOf('src/testing/msw/createSandboxHandlers.ts').filter((spec) => !spec.startsWith('.'))).toEqual(['msw']);
    const playwright = ['completeChallenge.ts', 'fillCard.ts', 'sandboxFixtures.ts'].flatMap((file) => importsOf(`src/testing/playwright/${file}`)).filter((spec) => !spec.startsWith('.'));
    expect([...new Set(playwright)].sort()).toEqual(['@playwright/test']);
    expect(importsOf('src/react/index.ts').some((spec) => spec.includes('testing'))).toBe(false);
  });

  it('holds a size budget for each kit app measured by scripts/size.mjs', () => {
    expect(pkg.sizeBudget.payjp).toBeGreaterThan(0);
    expect(pkg.sizeBudget.kuroco).toBeGreaterThan(0);
  });
});
