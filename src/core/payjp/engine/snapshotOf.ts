import type { ThreeDSecureError, ThreeDSecureErrorCode } from '../../errors';
import { deriveFlags } from '../../flow/createFlowStore';
import type { FlowStatus } from '../../flow/types';
import type { PayjpFlowSnapshot, PayjpLegacyStatus, PayjpStep } from './types';

/** A change to a PAY.JP snapshot; `status`, `step` and the flags are derived from `state` and `error`. */
export type SnapshotPatch<TResult> = Partial<Pick<PayjpFlowSnapshot<TResult>, 'state' | 'result' | 'error' | 'workflow' | 'stillConfirming' | 'resumable'>>;

export const IDLE_SNAPSHOT: PayjpFlowSnapshot<never> = {
  status: 'idle',
  step: null,
  result: null,
  error: null,
  isBusy: false,
  canRetry: false,
  workflow: null,
  stillConfirming: false,
  resumable: false,
  state: 'idle',
};

// Outcomes the issuer or the server's policy decided: `failed`. Anything else that stops a run is an `error`.
const OUTCOME_CODES = new Set<ThreeDSecureErrorCode>(['three_d_secure_failed', 'attempted_not_accepted', 'card_declined']);
// Failures a new start cannot fix without a change of configuration or account.
const FINAL_CODES = new Set<ThreeDSecureErrorCode>(['misconfigured', 'forbidden', 'not_found', 'start_url_not_allowed', 'return_url_not_allowed']);

const STEPS: Partial<Record<PayjpLegacyStatus, PayjpStep>> = {
  tokenizing: 'tokenizing',
  creating: 'creating',
  challenging: 'challenging',
  redirecting: 'redirecting',
  verifying: 'confirming',
  finishing: 'confirming',
};

function legacyOf(error: ThreeDSecureError, outcomeCodes: ReadonlySet<ThreeDSecureErrorCode>): PayjpLegacyStatus {
  if (error.code === 'expired' || error.code === 'canceled') return error.code;
  return outcomeCodes.has(error.code) ? 'failed' : 'error';
}

function statusOf(state: PayjpLegacyStatus): FlowStatus {
  if (state === 'idle' || state === 'succeeded') return state;
  return state === 'failed' || state === 'expired' || state === 'canceled' || state === 'error' ? 'failed' : 'working';
}

/**
 * The one transition of every PAY.JP flow: applies a patch, and derives the vocabulary (`status`,
 * `step`, `isBusy`, `canRetry`) and the deprecated `state` from it. An error without a state is
 * an outcome (`failed`, `expired`, `canceled`) or an `error`, by its code.
 */
export function snapshotOf<TResult>(
  current: PayjpFlowSnapshot<TResult>,
  patch: SnapshotPatch<TResult>,
  outcomeCodes: ReadonlySet<ThreeDSecureErrorCode> = OUTCOME_CODES,
): PayjpFlowSnapshot<TResult> {
  const next = { ...current, ...patch, state: patch.state ?? current.state };
  if (patch.state === undefined && patch.error) next.state = legacyOf(patch.error, outcomeCodes);
  const status = statusOf(next.state);
  if (status === 'working' || status === 'idle') next.error = patch.error ?? null;
  return { ...next, status, step: STEPS[next.state] ?? null, ...deriveFlags(status, next.error !== null && !FINAL_CODES.has(next.error.code)) };
}

export { OUTCOME_CODES };
