import { isRetryableConfirmError } from '../../confirm/confirmUntilFinal';
import { toThreeDSecureError } from '../../errors';
import type { ChargeSummary } from '../protocol';
import { verdictOf } from '../verdictOf';
import type { PayjpFlowSnapshot, PayjpResource, PayjpResourceRef } from './types';

/** Starts a charge under 3-D Secure. */
export interface StartChargeOptions {
  /**
   * A fresh token from `createToken` … or a function that makes one when the run starts (a
   * checkout: tokenise, then charge; a failure there is an `invalid_card` error of the run).
   */
  token?: string | (() => Promise<string>);
  /** … or a saved card of the signed-in customer. */
  cardId?: string;
  /** Your reference to what is bought (a cart id, say); the server prices it. Never an amount. */
  order?: unknown;
  workflow?: PayjpFlowSnapshot<unknown>['workflow'] & {};
}

/** The snapshot of a charge under 3-D Secure. */
export interface ChargeState extends PayjpFlowSnapshot<ChargeSummary> {
  /** @deprecated Read `result`: the backend's view of the charge (the amount is the server's), once created. */
  charge: ChargeSummary | null;
}

const AUTHENTICATED = new Set(['verified', 'attempted']);

const init = (ref: PayjpResourceRef, signal: AbortSignal) => (ref.chargeTag ? { signal, chargeTag: ref.chargeTag } : { signal });

async function tokenOf(token: StartChargeOptions['token']): Promise<string | undefined> {
  if (typeof token !== 'function') return token;
  try {
    return await token();
  } catch (cause) {
    throw toThreeDSecureError(cause, 'invalid_card');
  }
}

/**
 * Charge-time 3-D Secure (支払い作成時の3Dセキュア): the server creates the charge for the amount it
 * decides; once a read says authenticated, the server finishes it (`tds_finish`, idempotent), so
 * nothing is charged twice.
 */
export const chargeResource: PayjpResource<StartChargeOptions, ChargeSummary, ChargeState> = {
  kind: 'charge',
  event: 'charge',
  confirmingState: 'finishing',
  challenge: 'show',
  firstState: ({ token }) => (typeof token === 'function' ? 'tokenizing' : 'creating'),
  async create({ token, workflow: _workflow, ...body }, run) {
    const id = await tokenOf(token);
    if (typeof token === 'function') run.tokenized();
    return run.backend.createCharge({ ...body, ...(id === undefined ? {} : { token: id }) }, { signal: run.signal });
  },
  ref: (charge) => ({ id: charge.id, chargeTag: charge.chargeTag }),
  verdict: verdictOf,
  async read(ref, run) {
    const charge = await run.backend.getCharge(ref.id, init(ref, run.signal));
    const verdict = verdictOf(charge);
    if (verdict.final || !charge.threeDSecureStatus || !AUTHENTICATED.has(charge.threeDSecureStatus)) return { value: charge, verdict };
    try {
      const finished = await run.backend.finishCharge(ref.id, init(ref, run.signal));
      return { value: finished, verdict: verdictOf(finished) };
    } catch (error) {
      const typed = toThreeDSecureError(error);
      // A busy server: read (and finish) again later. A decline or an expiry is the outcome.
      if (!isRetryableConfirmError(typed) && (typed.code === 'card_declined' || typed.code === 'expired')) return { value: charge, verdict: { final: true, error: typed } };
      throw typed;
    }
  },
  unanswered: (charge) => charge === null || charge.threeDSecureStatus === null || charge.threeDSecureStatus === 'unverified',
  view: (base) => ({ ...base, charge: base.result }),
};
