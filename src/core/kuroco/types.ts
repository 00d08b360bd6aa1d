/**
 * How requests to Kuroco authenticate, as chosen in the API's security settings.
 * - `token`: the `X-RCMS-API-ACCESS-TOKEN` header (dynamic token after login). A function is called
 *   per request, so a refreshed token is picked up; never put a privileged static token in a browser.
 * - `cookie`: Kuroco's cookie session (`credentials: 'include'`; the front and Kuroco share a site).
 * - `none`: an API without security.
 */
export type KurocoAuth =
  | { type: 'token'; token: string | (() => string | Promise<string>) }
  | { type: 'cookie' }
  | { type: 'none' };

/**
 * Endpoint paths below `/rcms-api/{apiId}/`: every Kuroco site names its own. Each must resolve on
 * `baseUrl`'s origin (the access token goes with it): `createKurocoBackend` throws `misconfigured`
 * for one that leaves it (`\\host`, a scheme, a leading tab).
 */
export interface KurocoPaths {
  /** `ECOrder::purchase`. @default 'ec/order' */
  purchase?: string;
  /** `ECOrder::details`; `{ec_order_id}` is replaced by the order id. @default 'ec/order/{ec_order_id}' */
  orderDetails?: string;
}

/** Payment state of an order, as far as the return page needs it. */
export type KurocoPaymentStatus = 'paid' | 'failed' | 'pending';

/** Options of `createKurocoBackend`: the site, the API, how requests are authenticated, and the return path. */
export interface KurocoBackendOptions {
  /** The Kuroco site, e.g. `https://example.g.kuroco.app` (or the sandbox's URL). */
  baseUrl: string;
  /** The API id in `/rcms-api/{apiId}/`. @default 1 */
  apiId?: number | string;
  /** Your site's endpoint paths, when they differ from the defaults (`ec/order`, `ec/order/{ec_order_id}`). */
  paths?: KurocoPaths;
  /** How requests authenticate: a token (static or fetched per request), Kuroco's cookie session, or none. */
  auth: KurocoAuth;
  /**
   * Where Kuroco sends the shopper after 3-D Secure (`card_options.card_3dsec_return_url`): a path
   * on this site, such as `/order/3dsec/`. Configuration only, never user input.
   */
  returnPath: string;
  /** Send `returnPath` as an absolute URL on the page's origin instead of a path. @default false */
  absoluteReturnUrl?: boolean;
  /** Per-request time limit. @default 15000 */
  timeoutMs?: number;
  /** Maps `ECOrder::details`' `details` object to a payment status. Sites name these fields differently. @default reads `details.payment_status` ('paid' → paid, 'payment_failed' → failed) */
  readPaymentStatus?: (details: Record<string, unknown>) => KurocoPaymentStatus;
  /** A fetch implementation (tests, proxies). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** One product line of a purchase without a cart. */
export interface KurocoOrderProduct {
  product_id: number;
  quantity: number;
}

/** An address of `ECOrder::purchase` (`orderer`, `shipping_address`). */
export interface KurocoAddress {
  /** Family name. */
  name1?: string;
  /** Given name. */
  name2?: string;
  /** Postal code. */
  zip_code?: string;
  /** Prefecture code: '01'…'47', or '99' abroad. */
  tdfk_cd?: string;
  /** City and area. */
  address1?: string;
  /** Street and number. */
  address2?: string;
  /** Building and room. */
  address3?: string;
  /** Phone number. */
  tel?: string;
}

/**
 * The body of `ECOrder::purchase`. The kit adds `card_options.card_3dsec_return_url`. Fields are
 * named so that a misspelt one fails to compile; a field your site adds goes in `extra`.
 */
export interface KurocoOrderInput {
  /** The payment method (`ECPayment::list`'s id). Required. */
  ec_payment_id: number;
  /** The card token (PaygentToken.js `createToken`), for a card payment. */
  card_token?: string;
  /** A purchase without a cart: one product, with `quantity`. */
  product_id?: number;
  /** How many of `product_id`. */
  quantity?: number;
  /** A purchase without a cart: several products. */
  order_products?: KurocoOrderProduct[];
  /** The member's cart (`Login::profile`'s `ec_cart_id`); 0 for a guest. */
  ec_cart_id?: number;
  /** Points to use and a serial (coupon) code. */
  discount?: { point?: number; serial_code?: string };
  /** Where to ship: `'default'` (the member's address) or an address. */
  shipping_address?: 'default' | KurocoAddress;
  /** The orderer; `email` is for guests. */
  orderer?: KurocoAddress & { email?: string };
  /** The shopper's note on the order. */
  order_note?: string;
  /** Other card options your site sends; the kit sets `card_3dsec_return_url` itself. */
  card_options?: Record<string, unknown>;
  /** Fields your Kuroco site accepts that this type does not name, sent as they are (named fields win). */
  extra?: Record<string, unknown>;
}

/** What a purchase answered. */
export interface KurocoPurchaseResult {
  /** The created order ids (`ids`): kept until the return page has confirmed the outcome. */
  orderIds: number[];
  /** Kuroco's `messages`, e.g. `注文が完了しました。` */
  messages: string[];
  /** `ext_data.credit_card_3dsec_resp.out_acs_html`: the 3-D Secure hand-off, or null when none is needed. */
  acsHtml: string | null;
  /** `x-rcms-request-id` of the answer. */
  requestId?: string;
}

/** The merchant backend for Kuroco EC; `createKurocoBackend` builds one, apps may write their own. */
export interface KurocoBackend {
  readonly provider: 'kuroco';
  /** The configured return path (validated, same-origin). */
  readonly returnPath: string;
  purchase(order: KurocoOrderInput, init?: { signal?: AbortSignal }): Promise<KurocoPurchaseResult>;
  getPaymentStatus(orderId: number, init?: { signal?: AbortSignal }): Promise<KurocoPaymentStatus>;
}
