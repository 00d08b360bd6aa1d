import { DEFAULT_CONFIRM_TIMEOUT_MS, confirmUntilFinal, isRetryableConfirmError } from '../confirm/confirmUntilFinal';
import { ThreeDSecureError, isThreeDSecureError, toThreeDSecureError } from '../errors';
import { createFlowRunner, type PayjpFlowOptions, type RunnableFlow } from './createFlowRunner';
import { findResumableAttempt, forgetAttempt, saveInPageAttempt } from './inPageAttempt';
import { leave, leaveForStartPage } from './leaveForStartPage';
import type { ThreeDSecureWorkflow } from './payjs';
import type { ChargeSummary } from './protocol';
import { showChallenge, type ChallengeEnd } from './showChallenge';

/** Where a charge under 3-D Secure stands. */
export type ChargeStatus = 'idle' | 'creating' | 'challenging' | 'redirecting' | 'finishing' | 'succeeded' | 'failed' | 'expired' | 'canceled' | 'error';

export interface ChargeState {
  status: ChargeStatus;
  workflow: ThreeDSecureWorkflow | null;
  /** The backend's view of the charge (the amount is the server's), once created. */
  charge: ChargeSummary | null;
  error: ThreeDSecureError | null;
  /**
   * `finishing` has lasted over 10 s: the issuer's result is late. The shopper may leave; the
   * attempt is saved, and coming back resumes confirming (and finishing) the charge.
   */
  stillConfirming: boolean;
  /** An unsettled charge attempt is saved in this tab: `resume()` confirms it without a new challenge. */
  resumable: boolean;
}

export interface StartChargeOptions {
  /** A fresh token from `createToken` … */
  token?: string;
  /** … or a saved card of the signed-in customer. */
  cardId?: string;
  /** Your reference to what is bought (a cart id, say); the server prices it. Never an amount. */
  order?: unknown;
  workflow?: ThreeDSecureWorkflow;
}

/** Options of {@link createChargeFlow}. */
export type ChargeFlowOptions = PayjpFlowOptions;

/** The charge-time 3-D Secure flow: `start`, `cancel`, `reset` and its state. */
export type ChargeFlow = RunnableFlow<ChargeState, StartChargeOptions>;

const IDLE: ChargeState = { status: 'idle', workflow: null, charge: null, error: null, stillConfirming: false, resumable: false };
const AUTHENTICATED = new Set(['verified', 'attempted']);

// A closed screen leaves the charge unverified; a failure or success sets a status. Read twice.
const CLOSED_SCREEN_DELAYS_MS: readonly number[] = [0, 500];

// What one confirming read yields: the charge as read, or as finished once it read authenticated.
type ChargeRead = { charge: ChargeSummary; final: ChargeState | null };

/**
 * Charge-time 3-D Secure (支払い作成時の3Dセキュア): the server creates the charge for the amount it
 * decides, payjs shows the issuer, then the server finishes it (`tds_finish`) once the issuer's
 * result is in, however late (confirmed with backoff for `confirmTimeoutMs`). Nothing is charged
 * twice: one create per start, the client asks to finish once it reads an authenticated status,
 * and the server's finish is idempotent.
 */
export function createChargeFlow(options: ChargeFlowOptions): ChargeFlow {
  const { update, set, getSnapshot, track, flow } = createFlowRunner<ChargeState>(IDLE);

  function settle(charge: ChargeSummary, attemptId: string | null): ChargeState {
    forgetAttempt(options.attempts, attemptId);
    const done = { charge, stillConfirming: false, resumable: false };
    if (charge.outcome === 'succeeded') return update({ status: 'succeeded', ...done, error: null });
    if (charge.outcome === 'expired') return update({ status: 'expired', ...done, error: new ThreeDSecureError('expired', `${charge.id} expired before it was finished`) });
    const error = charge.attemptedRefused
      ? new ThreeDSecureError('attempted_not_accepted', `${charge.id} ended as attempted, which the server does not accept`)
      : charge.failureCode
        ? new ThreeDSecureError('card_declined', `${charge.id} was declined: ${charge.failureCode}`, { providerCode: charge.failureCode })
        : new ThreeDSecureError('three_d_secure_failed', `${charge.id} ended as ${charge.threeDSecureStatus ?? 'unknown'}`);
    return update({ status: 'failed', ...done, error });
  }

  async function redirect(charge: ChargeSummary, signal: AbortSignal): Promise<ChargeState> {
    update({ charge });
    await leaveForStartPage({
      ...options,
      kind: 'charge',
      resourceId: charge.id,
      chargeTag: charge.chargeTag,
      signal,
      navigate: (url) => leave(url, update, options.navigate),
    });
    return getSnapshot();
  }

  // One read: a final charge settles; an authenticated one is finished (once: the loop ends with it).
  function reader(id: string, chargeTag: string | undefined, attemptId: string | null) {
    const init = (signal: AbortSignal) => (chargeTag ? { signal, chargeTag } : { signal });
    return async (signal: AbortSignal): Promise<ChargeRead> => {
      const charge = await options.backend.getCharge(id, init(signal));
      if (charge.outcome !== 'pending') return { charge, final: settle(charge, attemptId) };
      if (!charge.threeDSecureStatus || !AUTHENTICATED.has(charge.threeDSecureStatus)) return { charge, final: null };
      try {
        return { charge, final: settle(await options.backend.finishCharge(id, init(signal)), attemptId) };
      } catch (error) {
        const typed = toThreeDSecureError(error);
        // A busy server: read (and finish) again later; the server's finish is idempotent.
        if (isRetryableConfirmError(typed)) throw typed;
        forgetAttempt(options.attempts, attemptId);
        if (typed.code === 'card_declined') return { charge, final: update({ status: 'failed', charge, error: typed, stillConfirming: false, resumable: false }) };
        if (typed.code === 'expired') return { charge, final: update({ status: 'expired', charge, error: typed, stillConfirming: false, resumable: false }) };
        throw typed;
      }
    };
  }

  async function finish(id: string, chargeTag: string | undefined, end: ChallengeEnd, attemptId: string | null, signal: AbortSignal): Promise<ChargeState> {
    update({ status: 'finishing', stillConfirming: false, resumable: false });
    const read = reader(id, chargeTag, attemptId);
    const isFinal = (value: ChargeRead) => value.final !== null;
    if (end.rejected) {
      const pollDelaysMs = (options.pollDelaysMs ?? CLOSED_SCREEN_DELAYS_MS).slice(0, 2);
      const closed = await confirmUntilFinal({ read, isFinal, signal, pollDelaysMs, defaultTimeoutMs: 0 });
      if (closed.kind === 'final') return closed.value.final!;
      const status = closed.last?.charge.threeDSecureStatus ?? null;
      if (status === 'unverified' || status === null) {
        forgetAttempt(options.attempts, attemptId);
        const error = new ThreeDSecureError('canceled', 'The shopper closed the 3-D Secure screen', { cause: end.error });
        return update({ status: 'canceled', ...(closed.last ? { charge: closed.last.charge } : {}), error });
      }
    }
    const result = await confirmUntilFinal({
      read,
      isFinal,
      signal,
      ...(options.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: options.confirmTimeoutMs }),
      ...(options.pollDelaysMs ? { pollDelaysMs: options.pollDelaysMs } : {}),
      defaultTimeoutMs: DEFAULT_CONFIRM_TIMEOUT_MS,
      onStillConfirming: () => update({ stillConfirming: true }),
    });
    if (result.kind === 'final') return result.value.final!;
    const error = new ThreeDSecureError('status_unknown', `No 3-D Secure result yet for ${id}; check again later`, result.error ? { cause: result.error } : {});
    return update({ status: 'error', ...(result.last ? { charge: result.last.charge } : {}), error, stillConfirming: false, resumable: attemptId !== null });
  }

  function fail(cause: unknown, signal: AbortSignal): ChargeState {
    const current = getSnapshot();
    const resumable = findResumableAttempt(options.attempts, 'charge') !== null;
    if (signal.aborted) {
      return current.status === 'idle'
        ? current
        : update({ status: 'canceled', stillConfirming: false, resumable, error: new ThreeDSecureError('canceled', 'The payment was canceled', { cause }) });
    }
    const status = isThreeDSecureError(cause) && cause.code === 'card_declined' ? 'failed' : 'error';
    return update({ status, stillConfirming: false, resumable, error: toThreeDSecureError(cause) });
  }

  const start = async ({ workflow = options.workflow ?? 'iframe', ...body }: StartChargeOptions, signal: AbortSignal) => {
    // The request leaves before React re-renders for the new state: the click costs one round trip.
    const creating = options.backend.createCharge(body, { signal });
    set({ ...IDLE, status: 'creating', workflow });
    try {
      const charge = await creating;
      if (charge.outcome !== 'pending') return settle(charge, null);
      if (workflow === 'redirect') return await redirect(charge, signal);
      // Saved before the challenge opens: a reload from here on resumes confirming, not a second challenge.
      const attemptId = saveInPageAttempt(options.attempts, { kind: 'charge', resourceId: charge.id, workflow, ...(charge.chargeTag ? { chargeTag: charge.chargeTag } : {}) });
      const shown = await showChallenge({
        resourceId: charge.id,
        workflow,
        getPayjp: options.getPayjp,
        ...(options.popupFallback ? { popupFallback: options.popupFallback } : {}),
        ...(options.dialogOptions ? { dialogOptions: options.dialogOptions } : {}),
        // A charge has no "started" state to read: only pay.js's own word tells a blocked popup.
        neverStarted: async () => false,
        signal,
        // "challenging" once pay.js has put its screen up, so no re-render delays the overlay.
        track: (ui) => {
          track(ui);
          if (ui) update({ status: 'challenging', charge });
        },
      });
      if (shown.kind === 'fallback-redirect') return await redirect(charge, signal);
      if (shown.workflow !== workflow) update({ workflow: shown.workflow });
      return await finish(charge.id, charge.chargeTag, shown.end, attemptId, signal);
    } catch (cause) {
      return fail(cause, signal);
    }
  };

  return flow<StartChargeOptions>(start, {
    find: (filter) => findResumableAttempt(options.attempts, 'charge', filter),
    async confirm(attempt, signal) {
      set({ ...IDLE, status: 'finishing', workflow: attempt.workflow ?? null });
      try {
        return await finish(attempt.resourceId, attempt.chargeTag, { rejected: false }, attempt.id, signal);
      } catch (cause) {
        return fail(cause, signal);
      }
    },
  });
}
