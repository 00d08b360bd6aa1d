import { ThreeDSecureError } from '../errors';

/**
 * Normalises an allow-list of origins. Each entry goes through `new URL(entry).origin`; an entry
 * that does not parse, or has no origin (`data:`, `file:`), throws `misconfigured`.
 */
export function normalizeAllowedOrigins(allowedOrigins: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (allowedOrigins === undefined) return undefined;
  if (!Array.isArray(allowedOrigins)) {
    throw new ThreeDSecureError('misconfigured', 'allowedActionOrigins must be an array of origins such as "https://acs.example.jp".');
  }
  const origins = new Set<string>();
  for (const entry of allowedOrigins) {
    const origin = originOf(entry);
    if (origin === undefined) {
      throw new ThreeDSecureError('misconfigured', `allowedActionOrigins holds ${JSON.stringify(entry)}, which is not an absolute http(s) origin such as "https://acs.example.jp".`);
    }
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
  if (parsed.protocol === 'https:') {
    return allowedOrigins === undefined || allowedOrigins.has(parsed.origin) ? undefined : `its origin ${parsed.origin} is not in allowedActionOrigins`;
  }
  if (parsed.protocol === 'http:') {
    if (!isLoopbackHost(parsed.hostname)) return 'it is not https';
    return allowedOrigins?.has(parsed.origin) ? undefined : `it is not https (a loopback http origin such as ${parsed.origin} must be listed in allowedActionOrigins)`;
  }
  return `its scheme ${parsed.protocol} is never allowed (https only)`;
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
  if (reason !== undefined) {
    throw new ThreeDSecureError('acs_action_not_allowed', `Refused to submit the ACS form to ${quoteUrl(url)}: ${reason}.`);
  }
}

/** The URL quoted for an error message. Hostile actions can be huge (`data:` payloads): keep it readable. */
export function quoteUrl(url: string): string {
  return JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
}
