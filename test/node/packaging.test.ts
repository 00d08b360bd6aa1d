// The package.json shape DESIGN.md asks for. The built files and the tarball are checked by
// `npm run check:package` (publint, attw); this test needs no build and fails fast.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const ENTRIES = ['.', './core', './server', './server/redis', './sandbox'];

describe('package.json', () => {
  it('is an ESM package without side effects that publishes dist/ only', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(['dist']);
  });

  it('exports the five entries with types first, and package.json', () => {
    expect(Object.keys(pkg.exports)).toEqual([...ENTRIES, './package.json']);
    expect(pkg.exports['./package.json']).toBe('./package.json');
    for (const entry of ENTRIES) {
      const conditions = pkg.exports[entry];
      expect(Object.keys(conditions)[0], entry).toBe('types');
      expect(conditions.types, entry).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(conditions.import, entry).toMatch(/^\.\/dist\/[^/]+\.js$/);
    }
  });

  it('keeps React, react-query, payjp and redis as peers, payjp and redis optional', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@tanstack/react-query', 'payjp', 'react', 'react-dom', 'redis']);
    expect(pkg.peerDependenciesMeta.payjp.optional).toBe(true);
    expect(pkg.peerDependenciesMeta.redis.optional).toBe(true);
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('ships the conformance check as the bin react-3ds-kit-conformance, built from src/conformance/cli.ts', () => {
    expect(pkg.bin).toEqual({ 'react-3ds-kit-conformance': './dist/conformance.js' });
    expect(readFileSync(path.join(root, 'vite.config.ts'), 'utf8')).toContain("conformance: 'src/conformance/cli.ts'");
    expect(readFileSync(path.join(root, 'src/conformance/cli.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('holds a size budget for each kit app measured by scripts/size.mjs', () => {
    expect(pkg.sizeBudget.payjp).toBeGreaterThan(0);
    expect(pkg.sizeBudget.kuroco).toBeGreaterThan(0);
  });
});
