import type { SandboxOptions } from '../sandbox';
import type { ConformanceOptions } from './runConformance';
import { isVariantName, VARIANTS, type VariantName } from './variants';

/** A mistake in the command line or the environment: printed, exit code 2. */
export class UsageError extends Error {}

/** What the command line asks for. */
export interface ParsedArgs {
  run: ConformanceOptions;
  json: boolean;
  help: boolean;
}

function sandboxVariant(spec: string, into: SandboxOptions): void {
  const [name = '', value] = spec.split('=', 2);
  if (!isVariantName(name) || value === undefined) throw new UsageError(`--sandbox-variant takes NAME=VALUE with NAME one of ${Object.keys(VARIANTS).join(', ')}`);
  if (name === 'authFailureStatus') {
    into.kuroco = { ...into.kuroco, authFailureStatus: Number(value) } as SandboxOptions['kuroco'];
    return;
  }
  let parsed: unknown = value;
  if (name === 'payjsHelperFrames') parsed = value === 'true' ? true : value === 'false' ? false : value;
  if (name === 'rateLimit') {
    const match = /^(\d+)\/(\d+)$/.exec(value);
    if (!match) throw new UsageError('--sandbox-variant rateLimit=REQUESTS/PER_MS, e.g. rateLimit=5/60000');
    parsed = { requests: Number(match[1]), perMs: Number(match[2]) };
  }
  into.payjp = { ...into.payjp, [name]: parsed } as SandboxOptions['payjp'];
}

function testKey(env: NodeJS.ProcessEnv, name: 'PAYJP_SECRET_KEY' | 'PAYJP_PUBLIC_KEY', prefix: 'sk' | 'pk'): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  // Never echo the key itself, not even in an error.
  if (value.startsWith(`${prefix}_live_`)) throw new UsageError(`${name} is a live key: the check creates test objects and charges, so it only runs with test keys (${prefix}_test_…)`);
  if (!new RegExp(`^${prefix}_test_[A-Za-z0-9_]+$`).test(value)) throw new UsageError(`${name} must be a PAY.JP test key (${prefix}_test_…)`);
  return value;
}

/** Reads the command line and PAYJP_* / KUROCO_* variables; throws {@link UsageError}. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const run: ConformanceOptions = {};
  const sandbox: SandboxOptions = {};
  let json = false;
  let help = false;
  let forceSandbox = false;
  let variants = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--json') json = true;
    else if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--sandbox') forceSandbox = true;
    else if (flag === '--no-browser') run.browser = false;
    else if (flag === '--sandbox-variant') {
      sandboxVariant(value(), sandbox);
      variants += 1;
    } else if (flag === '--only') {
      const names = value().split(',').filter(Boolean);
      const unknown = names.filter((name) => !isVariantName(name));
      if (unknown.length) throw new UsageError(`--only: unknown ${unknown.join(', ')}`);
      run.only = names as VariantName[];
    } else throw new UsageError(`unknown argument ${arg} (see --help)`);
  }
  const secretKey = testKey(env, 'PAYJP_SECRET_KEY', 'sk');
  const publicKey = testKey(env, 'PAYJP_PUBLIC_KEY', 'pk');
  if (!forceSandbox && (secretKey || publicKey)) {
    if (!secretKey || !publicKey) throw new UsageError('set both PAYJP_SECRET_KEY and PAYJP_PUBLIC_KEY (test mode), or neither to check the sandbox');
    if (variants) throw new UsageError('--sandbox-variant applies to the sandbox only: drop it, or add --sandbox');
    const base = env.KUROCO_BASE_URL?.trim().replace(/\/+$/, '');
    run.live = {
      secretKey,
      publicKey,
      kuroco: base
        ? { apiBase: `${base}/rcms-api/${env.KUROCO_API_ID?.trim() || '1'}`, orderDetailsPath: env.KUROCO_ORDER_DETAILS_PATH?.trim() || undefined, accessToken: env.KUROCO_ACCESS_TOKEN?.trim() || undefined }
        : undefined,
    };
  } else run.sandbox = sandbox;
  return { run, json, help };
}
