import type { VariantName } from './variants';

/**
 * How one unknown came out: `matched` (the provider behaves like one sandbox variant),
 * `no-variant` (it behaves like none: the kit is untested there, please report it),
 * `not-observable` (this run could not make the provider show it, e.g. in test mode),
 * `not-run` (a required input, such as a Kuroco site, was not given), `crashed` (the probe failed).
 */
export type UnknownStatus = 'matched' | 'no-variant' | 'not-observable' | 'not-run' | 'crashed';

/** One line of the report: an unknown, what the provider did, and the sandbox variant it matches. */
export interface UnknownRow {
  option: VariantName;
  status: UnknownStatus;
  /** What was seen, in words (never a key). */
  observed: string;
  /** The matching variant value (as a string), or null. */
  variant: string | null;
}

/** One assumption of the kit about the provider (an object field, an error code), checked. */
export interface AssumptionCheck {
  ok: boolean;
  what: string;
  /** What was seen when the check failed. */
  detail?: string;
}

/** What {@link runConformance} resolves. */
export interface ConformanceReport {
  /** `'sandbox'` without keys, `'payjp-test'` with the merchant's test keys. */
  target: 'sandbox' | 'payjp-test';
  rows: UnknownRow[];
  checks: AssumptionCheck[];
  /** `/v1` calls made, and test objects created on the account. */
  apiCalls: number;
  created: string[];
  /** True when every probe ran, every assumption held and every observed unknown matched a variant. */
  ok: boolean;
}

/** What a probe hands back. */
export interface ProbeResult {
  rows: UnknownRow[];
  checks: AssumptionCheck[];
}
