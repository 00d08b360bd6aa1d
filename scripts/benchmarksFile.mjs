// BENCHMARKS.md is shared by the size, speed and leak scripts: each owns the text between its markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Replaces (or appends) the section between `start` and `end` in `file`. */
export function writeSection(file, start, end, section, root = process.cwd()) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`\nwrote ${path.relative(root, file)}`);
}
