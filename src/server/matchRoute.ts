/** What a request path names, before method checks. Ids are raw: routes validate them. */
export type RouteMatch =
  | { route: 'collection' }
  | { route: 'verification'; id: string }
  | { route: 'redirect'; id: string }
  | { route: 'charges' }
  | { route: 'charge'; id: string }
  | { route: 'chargeFinish'; id: string }
  | { route: 'chargeRedirect'; id: string }
  | { route: 'tokenFinish'; id: string }
  | { route: 'tokenRedirect'; id: string }
  | { route: 'attemptOutcome'; id: string };

/** Every route name, for the method table. */
export type RouteName = RouteMatch['route'];

interface Pattern {
  /** Matches the path after the base path (exact) or the path's tail. */
  source: string;
  toMatch(id: string | undefined, action: string | undefined): RouteMatch;
}

const PATTERNS: readonly Pattern[] = [
  {
    source: 'card-verifications(?:/([^/]+)(?:/(redirect))?)?/?',
    toMatch: (id, action) => (id === undefined ? { route: 'collection' } : action === undefined ? { route: 'verification', id } : { route: 'redirect', id }),
  },
  {
    source: 'charges(?:/([^/]+)(?:/(finish|redirect))?)?/?',
    toMatch: (id, action) =>
      id === undefined ? { route: 'charges' } : action === undefined ? { route: 'charge', id } : { route: action === 'finish' ? 'chargeFinish' : 'chargeRedirect', id },
  },
  {
    source: 'tokens/([^/]+)/(finish|redirect)/?',
    toMatch: (id, action) => ({ route: action === 'finish' ? 'tokenFinish' : 'tokenRedirect', id: id ?? '' }),
  },
  {
    source: 'attempts/([^/]+)/?',
    toMatch: (id) => ({ route: 'attemptOutcome', id: id ?? '' }),
  },
];

const TAILS = PATTERNS.map((pattern) => ({ regex: new RegExp(`(?:^|/)${pattern.source}$`), pattern }));
const EXACTS = PATTERNS.map((pattern) => ({ regex: new RegExp(`^/${pattern.source}$`), pattern }));

/** `/api/3ds/` → `/api/3ds`; `api/3ds` → `/api/3ds`; `/` → ``. */
export function normalizeBasePath(basePath: string | undefined): string | undefined {
  if (basePath === undefined) return undefined;
  const trimmed = basePath.trim().replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Matches the protocol's paths, under `basePath` when given, else on the path's tail (so the
 * handler works wherever a framework mounts it). Customer-card paths are tried first.
 */
export function matchRoute(pathname: string, basePath: string | undefined): RouteMatch | null {
  let path = pathname;
  let candidates = TAILS;
  if (basePath !== undefined) {
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return null;
    path = pathname.slice(basePath.length);
    candidates = EXACTS;
  }
  for (const { regex, pattern } of candidates) {
    const match = regex.exec(path);
    if (match) return pattern.toMatch(match[1], match[2]);
  }
  return null;
}
