import type { IncomingMessage } from 'node:http';

const origins = new WeakMap<Request, IncomingMessage>();

/** Remembers which Node request a Fetch Request was built from (see {@link getNodeRequest}). */
export function rememberNodeRequest(request: Request, nodeRequest: IncomingMessage): void {
  origins.set(request, nodeRequest);
}

/**
 * The Node `IncomingMessage` behind a Request built by `toNodeListener`, so `resolveCustomer` can
 * read what Express or Connect middleware put there (`req.session`, `req.user`).
 * `undefined` for any other Request.
 */
export function getNodeRequest<T extends IncomingMessage = IncomingMessage>(request: Request): T | undefined {
  return origins.get(request) as T | undefined;
}
