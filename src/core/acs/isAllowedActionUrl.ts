import { ThreeDSecureError } from '../errors';

/**
 * Normalises an allow-list of origins. Each entry goes through `new URL(entry).origin`; an entry
 * that does not parse, or has no origin (`data:`, `file:`), throws `misconfigured`.
 */
export function normalizeAllowedOrigins(allowedOrigins: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (allowedOrigins === undefined) return undefined;
  const notOrigins = (value: unknown) =>
    new ThreeDSecureError(
      'misconfigured',
      // The example is for the developer; production builds keep what was wrong.
      process.env.NODE_ENV !== 'production'
        ? `allowedActionOrigins takes http(s) origins such as ["https://acs.example.jp"], not ${JSON.stringify(value)}.`
        : `allowedActionOrigins: not an origin: ${JSON.stringify(value)}`,
    );
  if (!Array.isArray(allowedOrigins)) throw notOrigins(allowedOrigins);
  const origins = new Set<string>();
  for (const entry of allowedOrigins) {
    const origin = originOf(entry);
    if (!origin) throw notOrigins(entry);
    origins.add(origin);
  }
  return origins;
}

function originOf(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return undefined;
  try {
    const url = new URL(entry);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** `localhost`, `127.0.0.0/8` and `[::1]`. The URL parser has already canonicalised the host (`127.1` → `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why an ACS action is refused, or `undefined` when it is allowed. Allowed: `https:` (and, when an
 * allow-list is given, only its origins); `http:` only when its exact origin is listed AND its host
 * is loopback. Every other scheme (`javascript:`, `data:`, `blob:`, `file:`, `about:`…) is refused.
 */
export function actionRefusalReason(url: string | URL, allowedOrigins?: ReadonlySet<string>): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return 'it is not an absolute URL';
  }
  const { protocol, origin } = parsed;
  if (protocol === 'https:') return !allowedOrigins || allowedOrigins.has(origin) ? undefined : `${origin} is not in allowedActionOrigins`;
  // Plain http only for a loopback origin that is listed (local development, the sandbox).
  if (protocol === 'http:' && isLoopbackHost(parsed.hostname) && allowedOrigins?.has(origin)) return undefined;
  // In development, name the option: a local ACS (the sandbox) is the usual cause, and listing it is the fix.
  if (process.env.NODE_ENV !== 'production' && protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    return `it is not https (a loopback origin such as the sandbox's is allowed only when listed in allowedActionOrigins: ["${origin}"])`;
  }
  return 'it is not https';
}

/**
 * True when a form may be submitted to `url`: an `https:` URL whose origin is in `allowedOrigins`
 * (any https origin when the list is absent), or, for local development and the sandbox, an `http:`
 * URL on a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`) whose exact origin is listed.
 * Throws `ThreeDSecureError('misconfigured')` for a malformed allow-list entry.
 */
export function isAllowedActionUrl(url: string | URL, allowedOrigins?: readonly string[]): boolean {
  return actionRefusalReason(url, normalizeAllowedOrigins(allowedOrigins)) === undefined;
}

/** Throws `acs_action_not_allowed`, naming the URL, unless the action passes the policy. */
export function assertAllowedActionUrl(url: string, allowedOrigins?: ReadonlySet<string>): void {
  const reason = actionRefusalReason(url, allowedOrigins);
  if (reason !== undefined) throw refused(url, reason);
}

/** `acs_action_not_allowed`, naming the URL (cut short: hostile actions can be huge `data:` payloads). */
export function refused(url: string, reason: string): ThreeDSecureError {
  return new ThreeDSecureError('acs_action_not_allowed', `Refused to submit the ACS form to ${JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url)}: ${reason}.`);
}
