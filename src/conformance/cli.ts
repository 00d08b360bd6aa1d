#!/usr/bin/env node
// react-3ds-kit-conformance: checks PAY.JP (with the merchant's test keys) or the sandbox against
// the unknowns the kit is tested over. See README "Checking the real providers".
import { formatReport } from './formatReport';
import { parseArgs, UsageError } from './parseArgs';
import { runConformance } from './runConformance';

const HELP = `Usage: react-3ds-kit-conformance [--json] [--only NAME,…] [--no-browser] [--sandbox] [--sandbox-variant NAME=VALUE …]

With PAYJP_SECRET_KEY and PAYJP_PUBLIC_KEY (test mode only) it checks PAY.JP itself, spending about
twenty test-mode API calls; KUROCO_BASE_URL (with KUROCO_API_ID, KUROCO_ACCESS_TOKEN,
KUROCO_ORDER_DETAILS_PATH) adds the Kuroco check. Without keys it checks a local sandbox.
Exit code: 0 all matched, 1 something to look at, 2 usage error.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`react-3ds-kit-conformance: ${error.message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const report = await runConformance({ ...args.run, progress: args.json ? undefined : (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${args.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`react-3ds-kit-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
