import type { PayjpHandlerEvent } from './handlerEvents';
import type { LedgerStore } from './ledgerStore';

/** A saved card as far as the handler needs it (`payjp` SDK `Card`, any major). */
export interface PayjpCardLike {
  /** `car_…` */
  id: string;
}

/** PAY.JP's `three_d_secure_request` object (`payjp` SDK `ThreeDSecureRequest`, any major). */
export interface PayjpThreeDSecureRequestLike {
  /** `tdsr_…` */
  id: string;
  /** The card the request is for (`car_…`). */
  resource_id: string;
  state: string;
  three_d_secure_status: string | null;
  created: number;
  started_at: number | null;
  result_received_at: number | null;
  finished_at: number | null;
  expired_at: number | null;
}

/** PAY.JP's `charge` object as far as the handler reads it (`payjp` SDK `Charge`, any major). */
export interface PayjpChargeLike {
  /** `ch_…` */
  id: string;
  amount: number;
  currency: string;
  paid: boolean;
  captured: boolean;
  /** Unix seconds. */
  created: number;
  /** `null` until the card was declined. */
  failure_code: string | null;
  three_d_secure_status: string | null;
  /** The handler's ownership marker lives here (`react3ds_customer`). */
  metadata: Record<string, string | number> | null;
}

/** What the handler sends to `charges.create` (a subset of the SDK's `ChargeCreationOptions`). */
export interface PayjpChargeCreateQuery {
  amount: number;
  currency: 'jpy';
  /** A token (`tok_…`) or, with `customer`, a saved card (`car_…`). */
  card: string;
  customer?: string;
  three_d_secure: boolean;
  capture: boolean;
  description?: string;
  metadata: Record<string, string>;
}

/** PAY.JP's `token` object as far as the handler reads it (`payjp` SDK `Token`, any major). */
export interface PayjpTokenLike {
  /** `tok_…` */
  id: string;
  card: { three_d_secure_status: string | null };
  /** Unix seconds (PAY.JP always sends it): the 3-D Secure window runs from here. */
  created?: number;
}

/**
 * The part of the official `payjp` SDK the handler uses. Declared structurally so both majors
 * (2.x on superagent, 3.x on fetch) fit, and so tests can pass an in-memory fake.
 */
export interface PayjpClientLike {
  customers: {
    cards: {
      /** Rejects with PAY.JP's 404 when the customer has no such card. */
      retrieve(customerId: string, cardId: string): Promise<PayjpCardLike>;
    };
  };
  three_d_secure_requests: {
    create(query: { resource_id: string }): Promise<PayjpThreeDSecureRequestLike>;
    retrieve(id: string): Promise<PayjpThreeDSecureRequestLike>;
  };
  /**
   * Charge-time 3-D Secure (`/charges` routes). Optional so that clients built only for
   * customer-card 3-D Secure still fit; the charge routes answer 500 `misconfigured` without it.
   */
  charges?: {
    create(query: PayjpChargeCreateQuery): Promise<PayjpChargeLike>;
    retrieve(id: string): Promise<PayjpChargeLike>;
    /** `POST /v1/charges/{id}/tds_finish`: pays a `verified` / `attempted` charge (402 on a decline). */
    tds_finish(id: string): Promise<PayjpChargeLike>;
  };
  /**
   * Token-time 3-D Secure (`/tokens` routes). `tds_finish` arrived in `payjp` 2.3.0; without it
   * the token finish route answers 500 `misconfigured`.
   */
  tokens?: {
    retrieve(id: string): Promise<PayjpTokenLike>;
    /** `POST /v1/tokens/{id}/tds_finish`: ends the flow the redirect workflow left open. */
    tds_finish?(id: string): Promise<PayjpTokenLike>;
  };
}

/** What the app charges for an order: the server's own price, never the browser's. */
export interface ResolvedCharge {
  /** In yen (PAY.JP: 50 to 9,999,999). */
  amount: number;
  /** @default 'jpy' */
  currency?: 'jpy';
  description?: string;
  /**
   * Your own keys for the charge (an order id, …). `react3ds_customer` is the handler's
   * ownership marker and cannot be set here.
   */
  metadata?: Record<string, string>;
  /**
   * Your stable id for this order (an order or cart id, with a version if the cart can change),
   * 1 to 500 characters. With it the handler keeps one open charge per (customer or guest,
   * orderKey, amount): a second `POST /charges` for an order whose charge is still open, or paid,
   * answers that charge (200, `reused: true`) instead of creating another: a second tab, the back
   * button after paying, a retry after a timeout. Without it every create is a new charge. For
   * guests, return it only for orders of this request's own session (all guests share one
   * "customer"). Never sent to PAY.JP; the ledger keeps a hash of it.
   */
  orderKey?: string;
}

/** Options of {@link createPayjpHandler}. */
export interface PayjpHandlerOptions {
  /** `sk_test_…` / `sk_live_…`. Only ever sent to PAY.JP, never in an answer or error message. */
  secretKey: string;
  /** `pk_test_…` / `pk_live_…`, put in the redirect start URL. Its mode must match `secretKey`'s. */
  publicKey: string;
  /**
   * The signed-in shopper's PAY.JP customer id (`cus_…`), from your session; `null` answers 401.
   * This decides whose cards a request may touch: the browser only names a card.
   */
  resolveCustomer(request: Request): string | null | Promise<string | null>;
  /**
   * How long `resolveCustomer` may take. A call that has not settled by then answers 503
   * `backend_error` (and reaches `onError`); nothing waits for it, no lock is held.
   * @default 10000
   */
  resolveCustomerTimeoutMs?: number;
  /**
   * Page origins (`https://shop.example`, no path) allowed to call the handler besides its own.
   * The handler refuses a request whose `Origin` header is neither its own origin, taken from
   * `request.url`, nor listed here, and a `Sec-Fetch-Site: cross-site` request from an unlisted
   * origin (CSRF defence; every POST must also be `Content-Type: application/json`). Behind a
   * reverse proxy or TLS terminator, `request.url` may say `http://internal:3000` while pages call
   * from `https://shop.example`: list the public origin here. Malformed entries throw at creation.
   * @default []
   */
  allowedOrigins?: string[];
  /**
   * Prices a charge from the app's own `order` reference (the `order` field of `POST /charges`, any
   * JSON value, unvalidated: check it here). `null` answers 400 `invalid_request` (`param: "order"`).
   * The handler never reads an amount from the browser. Without this option the `/charges` routes
   * answer 404: charge-time 3-D Secure is off.
   */
  resolveCharge?(request: Request, order: unknown): ResolvedCharge | null | Promise<ResolvedCharge | null>;
  /**
   * Lets shoppers without a customer (`resolveCustomer` gives `null`) pay with a token: guest
   * checkout. A guest charge is tied to the browser by `chargeTag` (an HMAC of the charge id, keyed
   * from the secret key), answered once by `POST /charges` and sent back as the
   * `x-react3ds-charge-tag` header on `GET`, `/finish` and `/redirect`. Guests may also finish and
   * redirect tokens. Saved cards (`cardId`) always need a customer.
   * @default false
   */
  allowGuestCharges?: boolean;
  /**
   * The clock for the 30-minute window of charge-time 3-D Secure, in milliseconds since the epoch.
   * For tests against a sandbox with a fake clock.
   * @default Date.now
   */
  now?(): number;
  /**
   * Whether `attempted` (the issuer did not take part) counts as success, as PAY.JP does by default.
   * When `false`, `attempted` reads `outcome: 'failed'` with `attemptedRefused: true`.
   * @default true
   */
  acceptAttempted?: boolean;
  /**
   * Absolute http(s) URLs the redirect workflow may send the shopper back to. The browser picks one
   * by exact match (the first when it names none). Without any, the redirect route answers 500.
   */
  returnUrls?: string[];
  /**
   * Path prefix the handler is mounted under, e.g. `/api/3ds`. Without it, routes are matched on
   * the end of the path (`…/card-verifications/…`).
   */
  basePath?: string;
  /**
   * A `payjp` SDK instance, or a factory taking the secret key. Default: `import('payjp')` on the
   * first request, then `Payjp(secretKey, { timeout: 10_000, apibase: apiBase })`.
   */
  payjp?: PayjpClientLike | ((secretKey: string) => PayjpClientLike);
  /**
   * PAY.JP API base (ends in `/v1`) for the default SDK; its origin is also the start page's.
   * The sandbox's `payjpApiBase` goes here. With an injected `payjp` instance the default is that
   * instance's own `apibase`, and a different `apiBase` is `misconfigured`.
   * @default 'https://api.pay.jp/v1'
   */
  apiBase?: string;
  /**
   * Called with the underlying error whenever the handler answers 5xx, for your logs. The error
   * may be a raw SDK error: it can carry request details, so log it server-side only.
   */
  onError?(error: unknown, request: Request): void;
  /**
   * The attempt ledger's store: one open charge per order, the finish lock and the record of
   * open charges that `reconcile()` walks. The default keeps them in this process's memory; with
   * several servers, pass one shared store to all of them (`createRedisLedgerStore` from
   * `react-3ds-kit/server/redis`) and the same store to `reconcile()`.
   * @default createMemoryLedgerStore()
   */
  store?: LedgerStore;
  /**
   * Called with what the handler did (charge created or reused, finished, finish refused,
   * expired), for analytics and error trackers. Ids, amounts and codes only: no card data,
   * personal data or keys. A throwing listener is ignored; it must not block (it is not awaited).
   */
  onEvent?(event: PayjpHandlerEvent): void;
  /**
   * Recovery in another browser: the redirect workflow's return URL for a charge carries a signed,
   * expiring reference (`?r3ds_attempt=…`, an HMAC keyed from the secret key), and
   * `GET {base}/attempts/{reference}` answers that charge's outcome (no personal data), so a shopper
   * whose bank app sends them back to another browser sees the outcome (`usePendingAttempt`).
   * `true` or `{ ttlMs }` (how long a reference answers, default one day). Needs `resolveCharge`.
   * @default false
   */
  attemptReferences?: boolean | { ttlMs?: number };
}

/** A Fetch API handler: Next.js route handlers, Hono, Bun, Deno, workers, or Node via `toNodeListener`. */
export type PayjpHandler = (request: Request) => Promise<Response>;
