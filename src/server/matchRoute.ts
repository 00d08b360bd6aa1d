/** What a request path names, before method checks. */
export type RouteMatch =
  | { route: 'collection' }
  | { route: 'verification'; id: string }
  | { route: 'redirect'; id: string };

const TAIL = /(?:^|\/)card-verifications(?:\/([^/]+)(?:\/(redirect))?)?\/?$/;
const EXACT = /^\/card-verifications(?:\/([^/]+)(?:\/(redirect))?)?\/?$/;

/** `/api/3ds/` → `/api/3ds`; `api/3ds` → `/api/3ds`; `/` → ``. */
export function normalizeBasePath(basePath: string | undefined): string | undefined {
  if (basePath === undefined) return undefined;
  const trimmed = basePath.trim().replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Matches the protocol's three paths, under `basePath` when given, else on the path's tail (so
 * the handler works wherever a framework mounts it). Ids are returned raw: routes validate them.
 */
export function matchRoute(pathname: string, basePath: string | undefined): RouteMatch | null {
  let match: RegExpExecArray | null;
  if (basePath === undefined) {
    match = TAIL.exec(pathname);
  } else {
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return null;
    match = EXACT.exec(pathname.slice(basePath.length));
  }
  if (!match) return null;
  const [, id, redirect] = match;
  if (id === undefined) return { route: 'collection' };
  return redirect === undefined ? { route: 'verification', id } : { route: 'redirect', id };
}
