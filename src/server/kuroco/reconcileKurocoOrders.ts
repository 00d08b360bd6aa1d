import { toThreeDSecureError, type ThreeDSecureErrorCode } from '../../core/errors';
import type { KurocoBackend, KurocoPaymentStatus } from '../../core/kuroco/types';
import type { LedgerStore } from '../ledgerStore';

/** One order as {@link reconcileKurocoOrders} found it. */
export interface KurocoOrderReport {
  orderId: number;
  status: KurocoPaymentStatus;
}

/** Options of {@link reconcileKurocoOrders}. */
export interface ReconcileKurocoOrdersOptions {
  /**
   * Reads an order's payment status: `createKurocoBackend({ baseUrl, auth, paths })` with server
   * credentials (a privileged token never belongs in browser code), or your own reader.
   */
  backend: Pick<KurocoBackend, 'getPaymentStatus'>;
  /** Orders whose 3-D Secure return never came (your own list: orders saved as "awaiting 3-D Secure"). */
  orderIds: readonly number[];
  /**
   * Called for each order read: `paid`, `failed`, or `pending`. With `store`, a `paid` or `failed`
   * order is reported once across runs; a rejection reports it again next run.
   */
  onOrder(report: KurocoOrderReport): void | Promise<void>;
  /** Remembers which final outcomes were reported (the handler's LedgerStore fits). */
  store?: LedgerStore;
  /** How long a reported outcome is remembered. @default 30 days */
  rememberMs?: number;
}

/** What one run found. Each order lands in exactly one list. */
export interface ReconcileKurocoOrdersResult {
  paid: number[];
  failed: number[];
  pending: number[];
  /** Reported in an earlier run (with `store`): not reported again. */
  alreadyReported: number[];
  /** The read failed (network, 5xx, 401, an unknown order): try again next run. */
  errors: { orderId: number; code: ThreeDSecureErrorCode; requestId?: string }[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Re-reads Kuroco orders whose shopper never came back from 3-D Secure (closed the tab, lost the
 * network, returned in another browser) and reports each as paid, failed or still pending. Only
 * reads: running it twice, or next to a shopper's own return page, changes nothing at Kuroco.
 * Kuroco shows an order whose 3-D Secure is still running as failed (決済失敗), so pass orders
 * older than the issuer's window (say 30 minutes), or treat an early `failed` as not yet final.
 */
export async function reconcileKurocoOrders(options: ReconcileKurocoOrdersOptions): Promise<ReconcileKurocoOrdersResult> {
  if (typeof options?.backend?.getPaymentStatus !== 'function') throw new TypeError('reconcileKurocoOrders: `backend` must have getPaymentStatus(orderId) (createKurocoBackend)');
  if (typeof options.onOrder !== 'function') throw new TypeError('reconcileKurocoOrders: `onOrder(report)` is required');
  const result: ReconcileKurocoOrdersResult = { paid: [], failed: [], pending: [], alreadyReported: [], errors: [] };
  const rememberMs = options.rememberMs ?? 30 * DAY;
  // One read per order, even when the list repeats one.
  for (const orderId of new Set(options.orderIds)) {
    if (!Number.isSafeInteger(orderId) || orderId <= 0) {
      result.errors.push({ orderId, code: 'invalid_request' });
      continue;
    }
    let status: KurocoPaymentStatus;
    try {
      status = await options.backend.getPaymentStatus(orderId);
    } catch (cause) {
      const error = toThreeDSecureError(cause);
      result.errors.push({ orderId, code: error.code, ...(error.requestId ? { requestId: error.requestId } : {}) });
      continue;
    }
    const marker = `kuroco-reported:${orderId}`;
    if (status !== 'pending' && options.store && !(await options.store.setIfAbsent(marker, status, rememberMs))) {
      result.alreadyReported.push(orderId);
      continue;
    }
    try {
      await options.onOrder({ orderId, status });
    } catch (cause) {
      // Not reported after all: forget the marker so the next run tries again.
      if (status !== 'pending') await options.store?.delete(marker, status);
      throw cause;
    }
    result[status].push(orderId);
  }
  return result;
}
