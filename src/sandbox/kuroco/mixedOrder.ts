import { couponApplies } from './pricing';
import type { PurchaseInput } from './validation';

/** Kuroco's message for a cart that 3-D Secure cannot take in one order (verbatim from Kuroco's tutorial). */
export const MIXED_ORDER_MESSAGE =
  '3Dセキュアを利用している場合は配送・DLを1つにまとめる必要があります、予約商品や配送・DL商品が混ざっている場合は個別に注文してください。';

/**
 * Kuroco splits such carts into several orders, which 3-D Secure does not support: shipped and
 * download items, released and pre-order items, or a coupon that covers some items but not others.
 */
export function isMixedOrder(input: PurchaseInput): boolean {
  const lines = input.lines;
  const has = (test: (line: PurchaseInput['lines'][number]) => boolean) => lines.some(test);
  if (has((line) => line.product.delivery === 'shipped') && has((line) => line.product.delivery === 'download')) return true;
  if (has((line) => line.product.release === 'released') && has((line) => line.product.release === 'pre_order')) return true;
  if (input.couponCode !== null) {
    return has((line) => couponApplies(line.product.product_id)) && has((line) => !couponApplies(line.product.product_id));
  }
  return false;
}
