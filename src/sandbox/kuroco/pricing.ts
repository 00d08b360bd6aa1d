import { SANDBOX_COUPON_PERCENT, SANDBOX_COUPON_PRODUCT_IDS } from './catalog';
import type { PurchaseInput } from './validation';

/** Amounts of an order in yen. */
export interface OrderAmounts {
  subtotal: number;
  discount: number;
  total: number;
}

export function couponApplies(productId: number): boolean {
  return SANDBOX_COUPON_PRODUCT_IDS.includes(productId);
}

/** Sums the lines and takes the coupon's percentage off the eligible ones (rounded down). */
export function priceOrder(input: PurchaseInput): OrderAmounts {
  let subtotal = 0;
  let eligible = 0;
  for (const { product, quantity } of input.lines) {
    subtotal += product.price * quantity;
    if (couponApplies(product.product_id)) eligible += product.price * quantity;
  }
  const discount = input.couponCode === null ? 0 : Math.floor((eligible * SANDBOX_COUPON_PERCENT) / 100);
  return { subtotal, discount, total: subtotal - discount };
}
