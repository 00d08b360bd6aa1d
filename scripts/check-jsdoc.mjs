// Hover docs for every public name: lists the exported functions, components, types and their members
// (props, options, result fields) that carry no JSDoc, read from the built .d.ts files as an editor sees
// them. Fails when more are missing than `--max-missing N` allows (a ratchet: lower it as gaps close).
// Run after `npm run build`: `node scripts/check-jsdoc.mjs [--max-missing N] [--list]`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = ['dist/react/index.d.ts', 'dist/core/index.d.ts', 'dist/server/index.d.ts'];
const args = process.argv.slice(2);
const list = args.includes('--list');
const maxIndex = args.indexOf('--max-missing');
const maxMissing = maxIndex === -1 ? 0 : Number(args[maxIndex + 1]);

const program = ts.createProgram(
  ENTRIES.map((entry) => path.join(root, entry)),
  { strict: true, skipLibCheck: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.ReactJSX },
);
const checker = program.getTypeChecker();
const dist = path.join(root, 'dist') + path.sep;

const isOurs = (declaration) => path.resolve(declaration.getSourceFile().fileName).startsWith(dist);
const hasDoc = (symbol) => symbol.getDocumentationComment(checker).length > 0 || ts.getJSDocTags(symbol.declarations?.[0] ?? ts.factory.createIdentifier('')).length > 0;

const missing = new Set();
let total = 0;

function check(symbol, label) {
  const declarations = (symbol.declarations ?? []).filter(isOurs);
  if (declarations.length === 0) return;
  total += 1;
  if (!hasDoc(symbol)) missing.add(label);
}

// Members of the object types a public name declares: interface members, type-literal members, and the
// props of a component (its first parameter).
function membersOf(symbol) {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return [];
  if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
    return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol));
  }
  return [];
}

for (const entry of ENTRIES) {
  const source = program.getSourceFile(path.join(root, entry));
  if (!source) throw new Error(`${entry} is missing: run npm run build first`);
  for (let exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source))) {
    if (exported.flags & ts.SymbolFlags.Alias) exported = checker.getAliasedSymbol(exported);
    check(exported, exported.name);
    for (const member of membersOf(exported)) {
      if (member.declarations?.every((declaration) => !isOurs(declaration))) continue;
      check(member, `${exported.name}.${member.name}`);
    }
  }
}

const documented = total - missing.size;
console.log(`JSDoc: ${documented} of ${total} public names and members documented (${ENTRIES.join(', ')})`);
if (list) for (const label of [...missing].sort()) console.log(`  missing: ${label}`);
if (missing.size > maxMissing) {
  console.error(`${missing.size} undocumented, more than the ${maxMissing} allowed: add JSDoc (--list names them)`);
  process.exitCode = 1;
} else if (missing.size < maxMissing) {
  console.log(`Fewer gaps than allowed: lower --max-missing in package.json to ${missing.size}`);
}
