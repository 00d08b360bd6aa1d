import type { IncomingMessage } from 'node:http';
import { invalidParam } from './errors';
import type { SandboxRoute } from '../router';
import type { PayjpState } from './store';

/** Which of the account's keys authenticated the request. */
export type PayjpKeyKind = 'secret' | 'public';

/** What an API route gets. */
export interface ApiContext {
  req: IncomingMessage;
  state: PayjpState;
  key: PayjpKeyKind;
  /** The route pattern's groups, in order. */
  params: string[];
  /** Query string (GET) or form body (POST), as the SDK sent it: `card[number]`, `metadata[key]`. */
  input: URLSearchParams;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/**
 * One `/v1` endpoint. Routes for a resource live next to its handlers and are listed in
 * `router.ts` (charges and `tds_finish` plug in the same way).
 */
export interface ApiRoute extends SandboxRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Matched against the path after `/v1`, e.g. `^/customers/([^/]+)$`. */
  pattern: RegExp;
  /** `'public'` routes also accept the public key (as PAY.JP does for `POST /v1/tokens`). */
  auth: 'secret' | 'public';
  handle: (ctx: ApiContext) => ApiAnswer | Promise<ApiAnswer>;
}

export function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

/** 400 `invalid_param_key` for a parameter the endpoint does not take (PAY.JP refuses unknown keys). */
export function allowOnly(input: URLSearchParams, allowed: (key: string) => boolean): void {
  for (const key of input.keys()) {
    if (!allowed(key)) throw invalidParam(key, `Invalid param key: ${key}`, 'invalid_param_key');
  }
}

/** `metadata[key]=value` pairs, or undefined when none were sent. At most 20 keys, as PAY.JP. */
export function metadataOf(input: URLSearchParams): Record<string, string> | undefined {
  const entries = [...input.entries()].flatMap(([key, value]) => {
    const name = /^metadata\[(.+)\]$/.exec(key)?.[1];
    return name === undefined ? [] : [[name, value] as const];
  });
  if (entries.length === 0) return undefined;
  if (entries.length > 20) throw invalidParam('metadata', 'Too many metadata keys (max 20).', 'too_many_metadata_keys');
  for (const [name, value] of entries) {
    if (name.length > 40) throw invalidParam(`metadata[${name}]`, 'Metadata keys must be at most 40 characters.', 'invalid_metadata_key');
    if (value.length > 500) throw invalidParam(`metadata[${name}]`, 'Metadata values must be at most 500 characters.', 'invalid_metadata_value');
  }
  return Object.fromEntries(entries);
}

/** A form boolean (`'true'` / `'false'`), or undefined when absent. */
export function booleanParam(input: URLSearchParams, name: string): boolean | undefined {
  const value = input.get(name);
  if (value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParam(name, `${name} must be true or false.`, 'invalid_boolean');
}

/** An optional non-empty string parameter. */
export function textParam(input: URLSearchParams, name: string, max = 255): string | null {
  const value = input.get(name);
  if (value === null || value === '') return null;
  if (value.length > max) throw invalidParam(name, `${name} must be at most ${max} characters.`, 'invalid_string_length');
  return value;
}

function integerParam(input: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const value = input.get(name);
  if (value === null) return fallback;
  const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw invalidParam(name, `${name} must be an integer between ${min} and ${max}.`);
  return number;
}

/** Keys every list endpoint takes. */
export const LIST_KEYS = ['limit', 'offset', 'since', 'until'];

/**
 * PAY.JP's list object over `items` (newest first), with `limit` (1–100, default 10), `offset`,
 * `since` / `until` (unix seconds, inclusive) applied to `created(item)`.
 */
export function listOf<T>(input: URLSearchParams, url: string, items: T[], created: (item: T) => number, render: (item: T) => unknown) {
  const limit = integerParam(input, 'limit', 1, 100, 10);
  const offset = integerParam(input, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const since = integerParam(input, 'since', 0, Number.MAX_SAFE_INTEGER, 0);
  const until = integerParam(input, 'until', 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const matching = items.filter((item) => created(item) >= since && created(item) <= until).reverse();
  const page = matching.slice(offset, offset + limit);
  return { object: 'list' as const, data: page.map(render), count: page.length, has_more: offset + limit < matching.length, url };
}

