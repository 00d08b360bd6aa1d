/** Payment status of a sandbox order as `ECOrder::details` reports it. */
export type KurocoSandboxPaymentStatus =
  /** 決済失敗: Kuroco's status for a 3-D Secure order until authentication passes (and after a failure). */
  | 'payment_failed'
  /** 決済完了. */
  | 'paid'
  /** 未入金: e.g. bank transfer. */
  | 'unpaid';

/** One ordered product in {@link KurocoSandboxOrderDetails}. */
export interface KurocoSandboxOrderProduct {
  product_id: number;
  product_name: string;
  quantity: number;
  /** Unit price in yen, tax included. */
  price: number;
}

/**
 * `details` of the sandbox's `ECOrder::details` answer. Kuroco's real field names for the payment
 * status are not documented publicly; these are the sandbox's, so check your site's Swagger UI.
 */
export interface KurocoSandboxOrderDetails {
  ec_order_id: number;
  payment_status: KurocoSandboxPaymentStatus;
  order_products: KurocoSandboxOrderProduct[];
  /** Sum of the lines in yen. */
  subtotal: number;
  /** Coupon discount in yen (0 without coupon). */
  discount: number;
  /** Amount charged in yen (`subtotal - discount`). */
  total: number;
  ec_payment_id: number;
  /** Creation time in Japan time, `YYYY-MM-DDTHH:mm:ss+09:00`. */
  inst_ymdhi: string;
}
