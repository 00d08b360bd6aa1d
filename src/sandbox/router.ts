/** One route of a sandbox router: a method (`'*'`: the handler checks it) and a path pattern whose groups are its params. */
export interface SandboxRoute {
  method: 'GET' | 'POST' | 'DELETE' | '*';
  pattern: RegExp;
}

/** What {@link findRoute} found: the route with its params, a path known under other methods, or nothing. */
export type RouteLookup<R> = { kind: 'found'; route: R; params: string[] } | { kind: 'wrong_method'; allow: string[] } | { kind: 'none' };

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The one dispatch of every sandbox router (PAY.JP API and 3-D Secure pages, Kuroco, Paygent): the
 * first route whose pattern matches `path` and whose method is `method`. Params are URI-decoded
 * (a malformed escape is kept as sent). When only other methods match, says which (for `Allow`).
 */
export function findRoute<R extends SandboxRoute>(routes: readonly R[], method: string | undefined, path: string): RouteLookup<R> {
  const allow = new Set<string>();
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === '*' || route.method === method) return { kind: 'found', route, params: match.slice(1).map((part) => decodePart(part ?? '')) };
    allow.add(route.method);
  }
  return allow.size > 0 ? { kind: 'wrong_method', allow: [...allow] } : { kind: 'none' };
}

/** `text` with every regular-expression metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching exactly `path`. */
export function exactPath(path: string): RegExp {
  return new RegExp(`^${escapeRegExp(path)}$`);
}
