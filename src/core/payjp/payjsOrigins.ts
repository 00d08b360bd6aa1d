/** PAY.JP's own origins: pay.js and its hosted frames, and the API (start page, tunnel frame). */
const PAYJP_ORIGINS = ['https://js.pay.jp', 'https://api.pay.jp'];

// Origins configured on this page (the jsUrl pay.js came from, the API's start-page origins).
const configured = new Set<string>();

function originOf(url: string, base?: string): string | null {
  try {
    const { origin } = new URL(url, base ?? (typeof document === 'undefined' ? undefined : document.baseURI));
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Notes the origin of a configured pay.js URL or 3-D Secure start URL as pay.js's. */
export function rememberPayjsOrigin(url: string): void {
  const origin = originOf(url);
  if (origin) configured.add(origin);
}

/** Whether `url` (an iframe's `src`) is served from PAY.JP or from a configured pay.js / API origin. */
export function isPayjsOrigin(url: string): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== null && (PAYJP_ORIGINS.includes(origin) || configured.has(origin));
}
