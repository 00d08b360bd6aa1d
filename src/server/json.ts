import { RouteError } from './routeError';

/** Bodies here are a card id or a return URL: anything bigger is not ours. */
const MAX_BODY_BYTES = 16 * 1024;

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

function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON object body; an empty body reads as `{}`. A non-empty body must be declared
 * `application/json`: cross-site pages cannot send that without a CORS preflight, so a
 * cookie-authenticated handler is not reachable from a plain cross-site form post.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new RouteError(400, 'invalid_request', 'The request body is too large');
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new RouteError(400, 'invalid_request', 'The request body is too large');
  if (text.trim() === '') return {};
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new RouteError(400, 'invalid_request', 'The request body must be sent as Content-Type: application/json');
  }
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
