import { readBodyBytes } from './readBodyBytes';
import { RouteError } from './routeError';

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // Verifications change state and belong to one shopper: no cache may keep them.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** A JSON answer with the protocol's headers. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** The protocol's error answer. */
export function errorResponse(error: RouteError): Response {
  return jsonResponse(error.status, { error: error.body }, error.headers);
}

/** `application/json` or a `+json` type, parameters (`; charset=utf-8`) allowed. */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON object body; an empty body reads as `{}`. The body is read through
 * {@link readBodyBytes} (a byte cap while streaming). Only for routes behind `assertTrustedRequest`,
 * which has already refused every POST not declared `application/json`.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const bytes = await readBodyBytes(request);
  let text: string;
  try {
    // Like Body.text(): a leading BOM is dropped; unlike it, invalid UTF-8 is refused.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RouteError(400, 'invalid_request', 'The request body is not valid UTF-8');
  }
  // The content type was checked before any route ran (requestGuard).
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RouteError(400, 'invalid_request', 'The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RouteError(400, 'invalid_request', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
