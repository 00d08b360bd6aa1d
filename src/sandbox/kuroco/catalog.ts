/** How a sandbox product is delivered: 配送 (shipped) or DL (download). */
export type SandboxDelivery = 'shipped' | 'download';

/** Whether a sandbox product is on sale (発売済み) or a pre-order (予約商品). */
export type SandboxRelease = 'released' | 'pre_order';

/** A product of the sandbox catalog (sandbox data, not Kuroco's). */
export interface SandboxProduct {
  product_id: number;
  product_name: string;
  /** Price in yen, tax included. */
  price: number;
  delivery: SandboxDelivery;
  release: SandboxRelease;
  /** Sandbox-only: purchasing it answers HTTP 500 `internal_server_error`, to demo server failures. */
  failsWithServerError?: boolean;
}

/** A payment method of the sandbox catalog (sandbox data; ids follow the Kuroco tutorial's `58`). */
export interface SandboxPayment {
  ec_payment_id: number;
  payment_name: string;
  /** Needs a `card_token`. */
  card: boolean;
  /** Runs EMV 3-D Secure through the Paygent stand-in (needs `card_options.card_3dsec_return_url`). */
  threeDSecure: boolean;
}

/** Product ids of the sandbox catalog, by role. */
export const SANDBOX_PRODUCT_IDS = {
  /** The Kuroco tutorial's product: shipped, released, ¥1,100; the only one the coupon applies to. */
  shipped: 41201,
  /** A second shipped, released product (¥2,200). */
  shippedOther: 41202,
  /** A download (DL) product (¥550). */
  download: 41301,
  /** A shipped pre-order product, 予約商品 (¥3,300). */
  preOrder: 41401,
  /** Sandbox-only: its purchase answers HTTP 500. */
  serverError: 49500,
} as const;

/** Payment ids of the sandbox catalog, by role. */
export const SANDBOX_PAYMENT_IDS = {
  /** クレジットカード with 3-D Secure (the Kuroco tutorial's id). */
  card3ds: 58,
  /** クレジットカード without 3-D Secure: the order is paid at once. */
  card: 57,
  /** 銀行振込: no card; the order stays `unpaid`. */
  bankTransfer: 59,
} as const;

/** The sandbox coupon (`discount.serial_code`): 10 % off, valid only for product 41201. */
export const SANDBOX_COUPON_CODE = 'SANDBOX10';

/** Percentage taken off eligible lines by {@link SANDBOX_COUPON_CODE}. */
export const SANDBOX_COUPON_PERCENT = 10;

/** Products the coupon applies to. */
export const SANDBOX_COUPON_PRODUCT_IDS: readonly number[] = [SANDBOX_PRODUCT_IDS.shipped];

/** The sandbox catalog's products (sandbox data). */
export const SANDBOX_PRODUCTS: readonly SandboxProduct[] = [
  { product_id: 41201, product_name: 'サンドボックス Tシャツ', price: 1100, delivery: 'shipped', release: 'released' },
  { product_id: 41202, product_name: 'サンドボックス マグカップ', price: 2200, delivery: 'shipped', release: 'released' },
  { product_id: 41301, product_name: 'サンドボックス 壁紙 (DL)', price: 550, delivery: 'download', release: 'released' },
  { product_id: 41401, product_name: 'サンドボックス 画集 (予約商品)', price: 3300, delivery: 'shipped', release: 'pre_order' },
  {
    product_id: 49500,
    product_name: 'サーバーエラー再現用商品 (サンドボックス専用)',
    price: 1000,
    delivery: 'shipped',
    release: 'released',
    failsWithServerError: true,
  },
];

/** The sandbox catalog's payment methods (sandbox data). */
export const SANDBOX_PAYMENTS: readonly SandboxPayment[] = [
  { ec_payment_id: 58, payment_name: 'クレジットカード（3Dセキュア）', card: true, threeDSecure: true },
  { ec_payment_id: 57, payment_name: 'クレジットカード', card: true, threeDSecure: false },
  { ec_payment_id: 59, payment_name: '銀行振込', card: false, threeDSecure: false },
];

export function findProduct(id: number): SandboxProduct | undefined {
  return SANDBOX_PRODUCTS.find((product) => product.product_id === id);
}

export function findPayment(id: number): SandboxPayment | undefined {
  return SANDBOX_PAYMENTS.find((payment) => payment.ec_payment_id === id);
}
