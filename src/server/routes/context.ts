import { RouteError } from '../routeError';
import { toPayjpRouteError, isPayjpNotFound } from '../readPayjpError';
import type { PayjpClientLike } from '../types';

/** What every route needs, built once by createPayjpHandler. */
export interface RouteContext {
  publicKey: string;
  acceptAttempted: boolean;
  returnUrls: readonly string[];
  /** Origin of PAY.JP's start page (the API base's origin). */
  startOrigin: string;
  client(): Promise<PayjpClientLike>;
  backUrlKey(): Promise<CryptoKey>;
  resolveCustomer(request: Request): string | null | Promise<string | null>;
}

/** The signed-in shopper's customer id, or a 401. */
export async function requireCustomer(context: RouteContext, request: Request): Promise<string> {
  const customer = await context.resolveCustomer(request);
  if (typeof customer !== 'string' || customer === '') {
    throw new RouteError(401, 'unauthorized', 'No signed-in customer for this request');
  }
  return customer;
}

/**
 * Runs one PAY.JP call and maps its failure to the protocol. `onNotFound` says what PAY.JP's 404
 * means for this particular lookup (an unknown card, someone else's card, an unknown request).
 */
export async function callPayjp<T>(context: RouteContext, call: (client: PayjpClientLike) => Promise<T>, onNotFound?: () => RouteError): Promise<T> {
  const client = await context.client();
  try {
    return await call(client);
  } catch (error) {
    if (onNotFound && isPayjpNotFound(error)) throw onNotFound();
    throw toPayjpRouteError(error);
  }
}
