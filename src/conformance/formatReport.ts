import type { ConformanceReport, UnknownRow } from './types';
import { VARIANTS } from './variants';

function verdict(row: UnknownRow): string {
  switch (row.status) {
    case 'matched':
      return row.variant === VARIANTS[row.option].default ? `${row.variant} (default)` : String(row.variant);
    case 'no-variant':
      return 'no variant matches — please report';
    case 'not-observable':
      return 'not observable';
    case 'not-run':
      return 'not run';
    default:
      return 'probe crashed';
  }
}

const KINDS: Record<string, string> = { tok: 'token', cus: 'customer', ch: 'charge', tdsr: 'three_d_secure_request' };

/** `2 tokens, 1 customer` from the created ids (`--json` lists the ids). */
function countKinds(ids: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const kind = KINDS[id.split('_')[0]!] ?? 'object';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => `${n} ${kind}${n > 1 ? 's' : ''}`).join(', ');
}

/** The report as a table for a terminal: unknown, matching sandbox variant, what was observed. */
export function formatReport(report: ConformanceReport): string {
  const head = report.target === 'sandbox' ? 'the sandbox (no PAY.JP keys given)' : "PAY.JP in test mode (the merchant's test keys)";
  const table = [['unknown (sandbox option)', 'sandbox variant', 'observed'], ...report.rows.map((row) => [row.option, verdict(row), row.observed])];
  const widths = [0, 1].map((column) => Math.max(...table.map((cells) => cells[column]!.length)));
  const lines = [`react-3ds-kit conformance check against ${head}`, ''];
  for (const cells of table) lines.push(`${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${cells[2]}`);
  const failed = report.checks.filter((c) => !c.ok);
  lines.push('', `Kit assumptions: ${report.checks.length - failed.length} hold, ${failed.length} fail`);
  for (const c of failed) lines.push(`  FAIL ${c.what}${c.detail ? `: ${c.detail}` : ''}`);
  lines.push(`${report.apiCalls} PAY.JP API calls; test objects created: ${countKinds(report.created) || 'none'}`);
  lines.push(report.ok ? 'OK: every probe ran, every assumption holds, every observed unknown matches a sandbox variant.' : 'NOT OK: see the rows and assumptions above.');
  return lines.join('\n');
}
