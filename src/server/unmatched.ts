/**
 * 404 answers for paths the handler does not serve. `toNodeListener` hands those to `next()`,
 * so the handler can sit in a middleware stack without swallowing other routes.
 */
const unmatched = new WeakSet<Response>();

export function markUnmatched(response: Response): Response {
  unmatched.add(response);
  return response;
}

export function isUnmatched(response: Response): boolean {
  return unmatched.has(response);
}
