import type { AssumptionCheck, UnknownRow } from './types';
import { VARIANTS, type VariantName } from './variants';

/** A row for an observed behaviour: `matched` when `value` is one of the option's variants. */
export function classified(option: VariantName, observed: string, value: string | null): UnknownRow {
  const values: readonly string[] = VARIANTS[option].values;
  return value !== null && values.includes(value)
    ? { option, status: 'matched', observed, variant: value }
    : { option, status: 'no-variant', observed, variant: null };
}

export function notObservable(option: VariantName, observed: string): UnknownRow {
  return { option, status: 'not-observable', observed, variant: null };
}

export function check(ok: boolean, what: string, detail?: unknown): AssumptionCheck {
  return ok ? { ok, what } : { ok, what, detail: typeof detail === 'string' ? detail : JSON.stringify(detail)?.slice(0, 300) };
}

/** A probe: one concern, the unknowns it classifies, and whether it drives the browser. */
export interface Probe {
  name: string;
  options: VariantName[];
  browser: boolean;
  run(ctx: import('./context').ProbeContext): Promise<import('./types').ProbeResult>;
}
