// Runs after `tsc -p tsconfig.build.json`. The sources import without extensions
// (moduleResolution "bundler"), and tsc copies those specifiers into the emitted .d.ts files.
// A consumer on `moduleResolution: "node16"/"nodenext"` then cannot follow `from './types'`
// (attw: "Internal resolution error"). Rewrite each relative specifier in dist/**/*.d.ts to the
// file Node would need: './types' -> './types.js', './acs' -> './acs/index.js'.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

function* declarations(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* declarations(file);
    else if (name.endsWith('.d.ts')) yield file;
  }
}

// `from '…'`, `import '…'`, `import('…')` and `declare module '…'` with a relative specifier.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bmodule\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

let rewritten = 0;
for (const file of declarations(dist)) {
  const dir = path.dirname(file);
  const code = readFileSync(file, 'utf8');
  const next = code.replace(SPECIFIER, (match, head, quote, spec) => {
    if (/\.(js|mjs|cjs|json)$/.test(spec)) return match;
    const base = spec.replace(/\.ts$/, '');
    const target = existsSync(path.join(dir, `${base}.d.ts`)) ? `${base}.js` : existsSync(path.join(dir, base, 'index.d.ts')) ? `${base}/index.js` : null;
    if (!target) throw new Error(`${path.relative(dist, file)}: cannot resolve ${spec}`);
    rewritten += 1;
    return `${head}${quote}${target}${quote}`;
  });
  if (next !== code) writeFileSync(file, next);
}
console.log(`fix-dts-specifiers: ${rewritten} relative specifiers in dist/**/*.d.ts now name their .js file`);
