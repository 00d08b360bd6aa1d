import type { OrderRecord } from '../state';
import type { KurocoSandboxOrderDetails, KurocoSandboxPaymentStatus } from './types';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Kuroco-style timestamp in Japan time. */
export function formatJst(time: number): string {
  return `${new Date(time + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

export function paymentStatus(order: OrderRecord, now: number): KurocoSandboxPaymentStatus {
  switch (order.settlement) {
    case 'unpaid':
      return 'unpaid';
    case 'paid':
      // Kuroco may update the order after the shopper is already back: keep the old status a while.
      return now >= order.paidVisibleAt ? 'paid' : 'payment_failed';
    default:
      return 'payment_failed';
  }
}

export function toOrderDetails(order: OrderRecord, now: number): KurocoSandboxOrderDetails {
  return {
    ec_order_id: order.id,
    payment_status: paymentStatus(order, now),
    order_products: order.lines.map((line) => ({ ...line })),
    subtotal: order.subtotal,
    discount: order.discount,
    total: order.total,
    ec_payment_id: order.paymentId,
    inst_ymdhi: formatJst(order.createdAt),
  };
}
