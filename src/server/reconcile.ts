import { readAttempt, settleAttempt } from './attemptLedger';
import { emitter, type PayjpEventListener } from './handlerEvents';
import type { LedgerStore } from './ledgerStore';
import { createClientSource } from './payjpClient';
import { isPayjpExpired, isPayjpNotFound, readPayjpError } from './readPayjpError';
import { createStoreLock, LeaseBusy } from './storeLock';
import { chargeOutcome } from './toChargeSummary';
import type { PayjpChargeLike, PayjpClientLike } from './types';

/** Why an open attempt was reported to `onUnsettled`. */
export type UnsettledReason =
  /** The window closed while the shopper had not completed the challenge (`unverified`). */
  | 'abandoned'
  /** The window closed after the challenge passed, before anyone finished (too late to pay). */
  | 'expired'
  /** 3-D Secure failed, `attempted` was refused by policy, or the card was declined at finish. */
  | 'failed';

/** An attempt `reconcile()` closed without a payment: tell the shopper, release the order. */
export interface UnsettledAttempt {
  chargeId: string;
  reason: UnsettledReason;
  amount: number;
  /** PAY.JP's 3-D Secure status as last read. */
  threeDSecureStatus: string | null;
  /** PAY.JP's code for a decline at finish (`card_declined`, …) or the charge's `failure_code`. */
  providerCode?: string;
  /** When the charge was created, in milliseconds since the epoch. */
  createdAt: number;
  /** The charge was a guest's (no customer). */
  guest: boolean;
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** The same secret key as the handler's. */
  secretKey: string;
  /** The same store as the handlers' `store` (the open attempts live there). */
  store: LedgerStore;
  /** As the handler's `payjp` option. Default: `import('payjp')`. */
  payjp?: PayjpClientLike | ((secretKey: string) => PayjpClientLike);
  /** As the handler's `apiBase`. @default 'https://api.pay.jp/v1' */
  apiBase?: string;
  /** As the handler's: whether `attempted` counts as success. @default true */
  acceptAttempted?: boolean;
  /** The clock for the 30-minute window (fake it in tests). @default Date.now */
  now?(): number;
  /** At most this many open attempts per run, oldest first. @default 100 */
  limit?: number;
  /**
   * Called once for each attempt closed without a payment (abandoned, expired, failed), before
   * it leaves the ledger. A rejection keeps the attempt open for the next run.
   */
  onUnsettled?(attempt: UnsettledAttempt): void | Promise<void>;
  /** Receives `charge_finished`, `charge_reconciled` and `charge_expired` events (see the handler's `onEvent`). */
  onEvent?: PayjpEventListener;
}

/** What one run did, by charge id. Each open attempt lands in exactly one list. */
export interface ReconcileResult {
  /** Open attempts looked at. */
  checked: number;
  /** `verified` / accepted `attempted` charges this run finished (`tds_finish`, now paid). */
  finished: string[];
  /** Already paid (a shopper's finish got there first): only taken off the open list. */
  alreadyPaid: string[];
  /** Reported to `onUnsettled` and closed: abandoned, expired or failed. */
  unsettled: string[];
  /** Still in progress (the challenge is open, or another server holds the charge's lock): left open. */
  open: string[];
  /**
   * PAY.JP or the store failed for these (network, 5xx): left open for the next run. A 404 (no
   * such charge for this secret key) is listed here too, and dropped from the ledger.
   */
  errors: { chargeId: string; status?: number; providerCode?: string }[];
}

/**
 * Settles what shoppers left behind, from a cron job or a queue worker (every few minutes, well
 * inside PAY.JP's 30-minute window): walks the ledger's open attempts, re-reads each charge at
 * PAY.JP under the same lock the handlers finish under, and
 * - pays `verified` (or accepted `attempted`) charges nobody finished (`tds_finish`, once);
 * - reports charges that will never be paid to `onUnsettled` (`abandoned`, `expired`, `failed`);
 * - closes charges that are already paid; leaves challenges still in progress open.
 * Idempotent: a charge is re-read before anything is done to it, so a second run, or a run next
 * to a shopper's own finish, never finishes anything twice.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileResult> {
  if (typeof options?.secretKey !== 'string' || !/^sk_(test|live)_/.test(options.secretKey)) throw new TypeError('reconcile: `secretKey` must be a PAY.JP secret key (sk_test_… / sk_live_…)');
  const { store } = options;
  if (!store || typeof store.listOpen !== 'function') throw new TypeError('reconcile: `store` must be the handlers\' LedgerStore');
  const now = options.now ?? Date.now;
  const acceptAttempted = options.acceptAttempted ?? true;
  const emit = emitter(options.onEvent);
  const client = createClientSource({ secretKey: options.secretKey, apiBase: options.apiBase ?? 'https://api.pay.jp/v1', payjp: options.payjp });
  const lock = createStoreLock(store);
  const result: ReconcileResult = { checked: 0, finished: [], alreadyPaid: [], unsettled: [], open: [], errors: [] };

  const ids = await store.listOpen(options.limit ?? 100);
  for (const chargeId of ids) {
    result.checked += 1;
    try {
      // waitMs 0: a charge someone is finishing right now is theirs; the next run sees the result.
      const outcome = await lock(chargeId, () => reconcileOne(chargeId), { waitMs: 0 });
      result[outcome].push(chargeId);
    } catch (error) {
      if (error instanceof LeaseBusy) {
        result.open.push(chargeId);
        continue;
      }
      const facts = readPayjpError(error);
      result.errors.push({ chargeId, ...(facts.status === undefined ? {} : { status: facts.status }), ...(facts.code ? { providerCode: facts.code } : {}) });
    }
  }
  return result;

  async function reconcileOne(chargeId: string): Promise<'finished' | 'alreadyPaid' | 'unsettled' | 'open'> {
    const charges = (await client()).charges;
    if (!charges || typeof charges.retrieve !== 'function' || typeof charges.tds_finish !== 'function') {
      throw new TypeError('reconcile: the payjp client has no charges.retrieve / tds_finish (payjp >= 2.3.0)');
    }
    const record = await readAttempt(store, chargeId);
    let charge: PayjpChargeLike;
    try {
      charge = await charges.retrieve(chargeId);
    } catch (error) {
      // PAY.JP does not know it (another account or mode): nothing can ever settle it, drop it.
      if (isPayjpNotFound(error)) await store.removeOpen(chargeId);
      throw error;
    }
    const status = charge.three_d_secure_status;
    const createdAt = record?.createdAt ?? charge.created * 1000;
    const unsettled = async (reason: UnsettledReason, providerCode?: string) => {
      await options.onUnsettled?.({
        chargeId,
        reason,
        amount: charge.amount,
        threeDSecureStatus: status,
        ...(providerCode ? { providerCode } : {}),
        createdAt,
        guest: record?.guest ?? charge.metadata?.react3ds_customer === '',
      });
      await settleAttempt(store, chargeId, false);
      if (reason !== 'failed') emit({ type: 'charge_expired', chargeId, threeDSecureStatus: status, source: 'reconcile' });
      emit({ type: 'charge_reconciled', chargeId, outcome: reason, threeDSecureStatus: status, ...(providerCode ? { providerCode } : {}) });
      return 'unsettled' as const;
    };

    if (charge.paid) {
      await settleAttempt(store, chargeId, true);
      emit({ type: 'charge_reconciled', chargeId, outcome: 'already_paid', threeDSecureStatus: status });
      return 'alreadyPaid';
    }
    if (typeof charge.failure_code === 'string' && charge.failure_code !== '') return unsettled('failed', charge.failure_code);
    const { outcome } = chargeOutcome(charge, { acceptAttempted, now: now() });
    if (outcome === 'failed') return unsettled('failed');
    if (outcome === 'expired') return unsettled(status === 'verified' || status === 'attempted' ? 'expired' : 'abandoned');
    if (status !== 'verified' && status !== 'attempted') return 'open';

    let finished: PayjpChargeLike;
    try {
      finished = await charges.tds_finish(chargeId);
    } catch (error) {
      const facts = readPayjpError(error);
      if (facts.status === 402) return unsettled('failed', facts.code);
      if (isPayjpExpired(error)) return unsettled('expired', facts.code);
      // A finish elsewhere (a server without this store) may have won: a paid charge is settled.
      const again = await charges.retrieve(chargeId).catch(() => null);
      if (again?.paid) {
        await settleAttempt(store, chargeId, true);
        emit({ type: 'charge_reconciled', chargeId, outcome: 'already_paid', threeDSecureStatus: again.three_d_secure_status });
        return 'alreadyPaid';
      }
      // PAY.JP's codes for a failed flow are undocumented: the charge as it now reads decides.
      if (again && chargeOutcome(again, { acceptAttempted, now: now() }).outcome === 'failed') return unsettled('failed', again.failure_code ?? facts.code);
      throw error;
    }
    if (!finished.paid) return 'open';
    await settleAttempt(store, chargeId, true);
    emit({ type: 'charge_finished', chargeId, amount: finished.amount, threeDSecureStatus: finished.three_d_secure_status, source: 'reconcile' });
    emit({ type: 'charge_reconciled', chargeId, outcome: 'finished', threeDSecureStatus: finished.three_d_secure_status });
    return 'finished';
  }
}
