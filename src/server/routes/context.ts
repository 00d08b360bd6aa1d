import { RouteError } from '../routeError';
import { toPayjpRouteError, isPayjpNotFound } from '../readPayjpError';
import type { ChargeOwners } from '../chargeOwners';
import type { PayjpHandlerEvent } from '../handlerEvents';
import type { LedgerStore } from '../ledgerStore';
import type { StoreLock } from '../storeLock';
import type { FinishedTokens } from '../finishTokenFlow';
import type { PayjpClientLike, ResolvedCharge } from '../types';

/** What every route needs, built once by createPayjpHandler. */
export interface RouteContext {
  publicKey: string;
  acceptAttempted: boolean;
  returnUrls: readonly string[];
  /** Origin of PAY.JP's start page (the API base's origin). */
  startOrigin: string;
  client(): Promise<PayjpClientLike>;
  backUrlKey(): Promise<CryptoKey>;
  /** The app's resolveCustomer, bounded by `resolveCustomerTimeoutMs` (503 when it does not settle). */
  resolveCustomer(request: Request): Promise<string | null>;
  /** Absent: charge-time 3-D Secure is off (the `/charges` routes answer 404). */
  resolveCharge: ((request: Request, order: unknown) => ResolvedCharge | null | Promise<ResolvedCharge | null>) | undefined;
  allowGuestCharges: boolean;
  /** Milliseconds since the epoch. */
  now(): number;
  chargeTagKey(): Promise<CryptoKey>;
  /** The attempt ledger's store (in-memory by default, shared across servers with Redis). */
  store: LedgerStore;
  /** Serialises finishes of one charge or token id, across every server sharing `store`. */
  lock: StoreLock;
  /** The app's onEvent, never throwing. */
  emit(event: PayjpHandlerEvent): void;
  /** Tokens already finished, in the ledger store (no second `tds_finish`, across servers sharing it). */
  finishedTokens: FinishedTokens;
  /** Whose recent charges are (authorization before the lock and before PAY.JP). */
  chargeOwners: ChargeOwners;
  /** With `attemptReferences`: the key that signs the return URL's attempt reference. */
  attemptReferenceKey?: () => Promise<CryptoKey>;
  /** How long an attempt reference answers, in milliseconds. */
  attemptReferenceTtlMs: number;
}

/** The signed-in shopper's customer id, or `null` (no 401 here: guests may be allowed). */
export async function resolveCustomerOrNull(context: RouteContext, request: Request): Promise<string | null> {
  const customer = await context.resolveCustomer(request);
  return typeof customer === 'string' && customer !== '' ? customer : null;
}

/** The client's `charges` API, or 500 misconfigured when the given client has none. */
export async function chargesApi(context: RouteContext): Promise<NonNullable<PayjpClientLike['charges']>> {
  const client = await context.client();
  const charges = client.charges;
  if (!charges || typeof charges.create !== 'function' || typeof charges.retrieve !== 'function' || typeof charges.tds_finish !== 'function') {
    throw new RouteError(500, 'misconfigured', 'The payjp client has no charges.create / retrieve / tds_finish: pass the official SDK (payjp >= 2.3.0)');
  }
  return charges;
}

/** The client's `tokens` API (`tds_finish` is checked where it is needed). */
export async function tokensApi(context: RouteContext): Promise<NonNullable<PayjpClientLike['tokens']>> {
  const client = await context.client();
  const tokens = client.tokens;
  if (!tokens || typeof tokens.retrieve !== 'function') {
    throw new RouteError(500, 'misconfigured', 'The payjp client has no tokens.retrieve: pass the official SDK (payjp >= 2.3.0)');
  }
  return tokens;
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
