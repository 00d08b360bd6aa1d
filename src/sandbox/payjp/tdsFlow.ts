import { tdsStateError } from './errors';
import type { ThreeDSecureStatus } from './outcomes';
import type { PayjpState, TdsFlowRecord } from './store';
import type { TdsPhase } from './tdsTargets';

/**
 * The sandbox's default answer to a second `tds_finish` on a charge or token whose flow already
 * finished (option `secondFinish`). PAY.JP does not document it; `invalid_three_d_secure_state`
 * ("3Dセキュア中に二重に処理されるなど不正な遷移をした") appears in community lists of PAY.JP codes.
 * Servers should retrieve the resource first and treat a finished flow as done instead of relying
 * on this code.
 */
export const SECOND_FINISH_CODE = 'invalid_three_d_secure_state';

/** A flow record for a resource created with `three_d_secure=true`. */
export function newFlow(): TdsFlowRecord {
  return { startedAt: null, result: null, finishedAt: null };
}

/** Where a charge's or token's 3-D Secure flow stands at `now`. */
export interface TdsFlowView {
  /** `three_d_secure_status`: the landed result, else `unverified`. */
  status: ThreeDSecureStatus;
  /** A result will land later (slow issuer), before expiry. */
  pending: boolean;
  /** The flow passed `chargeExpiryMs` without being finished. */
  expired: boolean;
  finished: boolean;
}

export function viewFlow(state: PayjpState, flow: TdsFlowRecord, createdMs: number): TdsFlowView {
  const now = state.options.now();
  const expiresAt = createdMs + state.options.chargeExpiryMs;
  // As for three_d_secure_requests: a result only counts when it lands before expiry.
  const valid = flow.result !== null && flow.result.at <= expiresAt ? flow.result : null;
  const landed = valid !== null && valid.at <= now ? valid : null;
  const finished = flow.finishedAt !== null;
  return {
    status: landed?.status ?? 'unverified',
    pending: valid !== null && landed === null && now <= expiresAt,
    expired: !finished && now > expiresAt,
    finished,
  };
}

/** The start page's view of a flow (null flow: the resource is not in 3-D Secure). */
export function flowPhase(state: PayjpState, flow: TdsFlowRecord | null, createdMs: number): TdsPhase {
  if (flow === null) return 'not_in_flow';
  const view = viewFlow(state, flow, createdMs);
  if (view.finished || view.status !== 'unverified' || view.pending) return 'finished';
  return view.expired ? 'expired' : 'open';
}

/** What {@link finishFlow} did: finished the flow now, or (option `secondFinish: 'ok'`) found it finished. */
export type FinishedFlow = { status: 'verified' | 'attempted'; repeated: false } | { repeated: true };

/**
 * Checks that `tds_finish` may run and marks the flow finished; returns the 3-D Secure result.
 * Order: not a 3-D Secure resource → `not_in_three_d_secure_flow`; finished already → the
 * `secondFinish` option (a code, or `repeated` for `'ok'`); past `chargeExpiryMs` →
 * `three_d_secure_expired`; `failed` / `error` → the `failedFinish` code; any other status than
 * `verified` / `attempted` → `three_d_secure_incompleted`.
 */
export function finishFlow(state: PayjpState, flow: TdsFlowRecord | null, createdMs: number, what: 'charge' | 'token'): FinishedFlow {
  if (flow === null) {
    throw tdsStateError('not_in_three_d_secure_flow', `This ${what} was not created with three_d_secure=true.`);
  }
  const view = viewFlow(state, flow, createdMs);
  if (view.finished) {
    const answer = state.options.secondFinish;
    if (answer === 'ok') return { repeated: true };
    throw tdsStateError(answer, `The 3-D Secure flow of this ${what} has already been finished (sandbox option secondFinish: PAY.JP does not document this answer).`);
  }
  if (view.expired) throw tdsStateError('three_d_secure_expired', `The 3-D Secure flow of this ${what} has expired.`);
  if (view.status === 'failed' || view.status === 'error') {
    throw tdsStateError(state.options.failedFinish, `3-D Secure of this ${what} did not succeed (three_d_secure_status: ${view.status}).`);
  }
  if (view.status !== 'verified' && view.status !== 'attempted') {
    throw tdsStateError(
      'three_d_secure_incompleted',
      `3-D Secure of this ${what} is not complete (three_d_secure_status: ${view.status}); only verified or attempted can be finished.`,
    );
  }
  flow.finishedAt = state.options.now();
  return { status: view.status, repeated: false };
}

/** `three_d_secure_status` of a resource with an optional flow (null when not in 3-D Secure). */
export function flowStatus(state: PayjpState, flow: TdsFlowRecord | null, createdMs: number): ThreeDSecureStatus | null {
  return flow === null ? null : viewFlow(state, flow, createdMs).status;
}
