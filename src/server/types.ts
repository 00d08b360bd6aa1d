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
   * The sandbox's `payjpApiBase` goes here.
   * @default 'https://api.pay.jp/v1'
   */
  apiBase?: string;
  /**
   * Called with the underlying error whenever the handler answers 5xx, for your logs. The error
   * may be a raw SDK error: it can carry request details, so log it server-side only.
   */
  onError?(error: unknown, request: Request): void;
}

/** A Fetch API handler: Next.js route handlers, Hono, Bun, Deno, workers, or Node via `toNodeListener`. */
export type PayjpHandler = (request: Request) => Promise<Response>;
