import type { PayjpProtocolErrorCode } from '../core/payjp/protocol';

/** Who triggered a finish: a shopper's request to the handler, or a `reconcile()` run. */
export type PayjpEventSource = 'request' | 'reconcile';

/**
 * What the PAY.JP handler and `reconcile()` report to `onEvent`, for your analytics funnel, logs
 * and error tracker. Events carry ids, amounts, statuses and codes only: never card data, personal
 * data (no customer id, name, e-mail or phone) or keys.
 */
export type PayjpHandlerEvent =
  | {
      /** `POST /charges` answered a charge: a new one, or (`reused`) the open one of the same order. */
      type: 'charge_created';
      chargeId: string;
      amount: number;
      currency: string;
      /** The caller was a guest (no customer). */
      guest: boolean;
      /** A second create for the same order got the order's open (or paid) charge back. */
      reused: boolean;
      /** Already paid: a token that passed token 3-D Secure is charged at once, or a reused paid charge. */
      paid: boolean;
    }
  | {
      /** `tds_finish` ran and the charge is paid. */
      type: 'charge_finished';
      chargeId: string;
      amount: number;
      threeDSecureStatus: string | null;
      source: PayjpEventSource;
    }
  | {
      /** A finish was refused: declined, expired, 3-D Secure not complete, failed, or not the caller's. */
      type: 'finish_refused';
      chargeId: string;
      /** The protocol code answered, or `'three_d_secure_failed'` for a 200 with outcome `failed`. */
      code: PayjpProtocolErrorCode | 'three_d_secure_failed';
      /** PAY.JP's code (`card_declined`, `three_d_secure_incompleted`, …), when PAY.JP gave one. */
      providerCode?: string;
      /** HTTP status of the answer. */
      status: number;
      threeDSecureStatus?: string | null;
    }
  | {
      /** `reconcile()` settled an open attempt (see `ReconcileResult` for what each outcome means). */
      type: 'charge_reconciled';
      chargeId: string;
      outcome: 'finished' | 'already_paid' | 'failed' | 'expired' | 'abandoned';
      threeDSecureStatus: string | null;
      providerCode?: string;
    }
  | {
      /** The charge's 30-minute window closed unpaid (seen by a finish or by `reconcile()`). */
      type: 'charge_expired';
      chargeId: string;
      /** `unverified`: the shopper never completed the challenge; `verified`: nobody finished in time. */
      threeDSecureStatus: string | null;
      source: PayjpEventSource;
    };

/** The `onEvent` callback's type. */
export type PayjpEventListener = (event: PayjpHandlerEvent) => void;

/** Calls the listener without letting it change an answer (a throwing hook is ignored). */
export function emitter(listener: PayjpEventListener | undefined): (event: PayjpHandlerEvent) => void {
  if (typeof listener !== 'function') return () => undefined;
  return (event) => {
    try {
      listener(event);
    } catch {
      // An analytics hook must never change what the shopper is answered.
    }
  };
}
