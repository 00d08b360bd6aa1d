import type { RouteError } from './routeError';

/** The random part of a key (`sk_live_XXXX` → `XXXX`), when long enough to be worth looking for. */
function secretPart(key: string): string | null {
  const part = key.replace(/^[a-z]{2}_(?:test|live)_/, '');
  return part.length >= 8 && part !== key ? part : null;
}

/**
 * Last line of defence before an error answer leaves the handler: a `providerCode` that looks like
 * a key (`sk_…`, `pk_…`) or holds any part of the configured keys is dropped. PAY.JP never sends
 * such a code; something between the server and PAY.JP (or a bug) might.
 */
export function scrubProviderCode(error: RouteError, keys: readonly string[]): RouteError {
  const code = error.body.providerCode;
  if (code === undefined) return error;
  const needles = keys.flatMap((key) => [key, secretPart(key)]).filter((needle): needle is string => needle !== null && needle !== '');
  if (/^(?:sk|pk)_/i.test(code) || needles.some((needle) => code.includes(needle))) delete error.body.providerCode;
  return error;
}
