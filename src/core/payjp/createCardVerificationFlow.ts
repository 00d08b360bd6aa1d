import { DEFAULT_CONFIRM_TIMEOUT_MS, confirmUntilFinal } from '../confirm/confirmUntilFinal';
import { ThreeDSecureError, toThreeDSecureError } from '../errors';
import { DEFAULT_FLOW_POLL_DELAYS_MS, createFlowRunner, type PayjpFlowOptions, type RunnableFlow } from './createFlowRunner';
import { findResumableAttempt, forgetAttempt, saveInPageAttempt } from './inPageAttempt';
import { leave, leaveForStartPage } from './leaveForStartPage';
import type { ThreeDSecureWorkflow } from './payjs';
import type { CardVerification } from './protocol';
import { showChallenge, type ChallengeEnd } from './showChallenge';

/** Where a customer-card verification stands. */
export type CardVerificationStatus =
  | 'idle'
  | 'creating'
  | 'challenging'
  | 'redirecting'
  | 'verifying'
  | 'succeeded'
  | 'failed'
  | 'expired'
  | 'canceled'
  | 'error';

export interface CardVerificationState {
  status: CardVerificationStatus;
  cardId: string | null;
  /** The workflow in use (after a popup fallback, the one that replaced the sub-window). */
  workflow: ThreeDSecureWorkflow | null;
  /** The backend's view of the PAY.JP request, once created. */
  verification: CardVerification | null;
  error: ThreeDSecureError | null;
  /**
   * `verifying` has lasted over 10 s: the issuer's result is late. The shopper may leave; the
   * attempt is saved, and coming back resumes confirming it.
   */
  stillConfirming: boolean;
  /** An unsettled attempt is saved for this card: `resume()` confirms it without a new challenge. */
  resumable: boolean;
}

export interface StartCardVerificationOptions {
  /** The saved card, `car_…`. Which customer it must belong to is the server's business. */
  cardId: string;
  workflow?: ThreeDSecureWorkflow;
}

/** Options of {@link createCardVerificationFlow}. */
export type CardVerificationFlowOptions = PayjpFlowOptions;

/** The customer-card verification flow: `start`, `cancel`, `reset` and its state. */
export type CardVerificationFlow = RunnableFlow<CardVerificationState, StartCardVerificationOptions>;

export const DEFAULT_CARD_POLL_DELAYS_MS = DEFAULT_FLOW_POLL_DELAYS_MS;
const IDLE: CardVerificationState = { status: 'idle', cardId: null, workflow: null, verification: null, error: null, stillConfirming: false, resumable: false };

// A closed screen with no result is a cancel; a failure would have a result, so read twice first.
const CLOSED_SCREEN_DELAYS_MS: readonly number[] = [0, 500];

/**
 * PAY.JP customer-card 3-D Secure (seed 001) as a state machine: create the request on the
 * backend, save the attempt, show the issuer through payjs (iframe, sub-window or redirect), then
 * let the backend's status decide, confirmed with backoff for as long as a late result can arrive.
 */
export function createCardVerificationFlow(options: CardVerificationFlowOptions): CardVerificationFlow {
  const { update, set, getSnapshot, track, flow } = createFlowRunner<CardVerificationState>(IDLE);
  const read = (id: string) => (signal: AbortSignal) => options.backend.getCardVerification(id, { signal });
  const isFinal = (verification: CardVerification) => verification.outcome !== 'pending';

  async function redirect(verification: CardVerification, signal: AbortSignal): Promise<CardVerificationState> {
    update({ verification });
    await leaveForStartPage({ ...options, kind: 'card', resourceId: verification.id, signal, navigate: (url) => leave(url, update, options.navigate) });
    return getSnapshot();
  }

  // `resumed`: a request still `created` was never shown (the page went away first): no result can come.
  async function confirm(id: string, end: ChallengeEnd, attemptId: string | null, signal: AbortSignal, resumed = false): Promise<CardVerificationState> {
    update({ status: 'verifying', stillConfirming: false, resumable: false });
    if (end.rejected) {
      const pollDelaysMs = (options.pollDelaysMs ?? CLOSED_SCREEN_DELAYS_MS).slice(0, 2);
      const closed = await confirmUntilFinal({ read: read(id), isFinal, signal, pollDelaysMs, defaultTimeoutMs: 0 });
      if (closed.kind === 'final') return settle(closed.value, attemptId);
      const state = closed.last?.state;
      if (state === undefined || state === 'created' || state === 'in_progress') {
        forgetAttempt(options.attempts, attemptId);
        const error = new ThreeDSecureError('canceled', 'The shopper closed the 3-D Secure screen', { cause: end.error });
        return update({ status: 'canceled', ...(closed.last ? { verification: closed.last } : {}), error });
      }
    }
    const result = await confirmUntilFinal({
      read: read(id),
      isFinal: (verification) => isFinal(verification) || (resumed && verification.state === 'created'),
      signal,
      ...(options.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: options.confirmTimeoutMs }),
      ...(options.pollDelaysMs ? { pollDelaysMs: options.pollDelaysMs } : {}),
      defaultTimeoutMs: DEFAULT_CONFIRM_TIMEOUT_MS,
      onStillConfirming: () => update({ stillConfirming: true }),
    });
    if (result.kind === 'final' && !isFinal(result.value)) {
      forgetAttempt(options.attempts, attemptId);
      return set({ ...IDLE, cardId: getSnapshot().cardId });
    }
    if (result.kind === 'final') return settle(result.value, attemptId);
    const error = new ThreeDSecureError('status_unknown', `No result yet for ${id}; check again later`, result.error ? { cause: result.error } : {});
    return update({ status: 'error', ...(result.last ? { verification: result.last } : {}), error, stillConfirming: false, resumable: attemptId !== null });
  }

  function settle(verification: CardVerification, attemptId: string | null): CardVerificationState {
    forgetAttempt(options.attempts, attemptId);
    const done = { verification, stillConfirming: false, resumable: false };
    if (verification.outcome === 'succeeded') return update({ status: 'succeeded', ...done, error: null });
    if (verification.outcome === 'expired') return update({ status: 'expired', ...done, error: new ThreeDSecureError('expired', `${verification.id} expired before a result`) });
    const error = verification.attemptedRefused
      ? new ThreeDSecureError('attempted_not_accepted', `${verification.id} ended as attempted, which the server does not accept`)
      : new ThreeDSecureError('three_d_secure_failed', `${verification.id} ended as ${verification.threeDSecureStatus ?? 'unknown'}`);
    return update({ status: 'failed', ...done, error });
  }

  function fail(cause: unknown, signal: AbortSignal): CardVerificationState {
    const current = getSnapshot();
    const resumable = current.cardId !== null && findResumableAttempt(options.attempts, 'card', { cardId: current.cardId }) !== null;
    if (signal.aborted) {
      return current.status === 'idle'
        ? current
        : update({ status: 'canceled', stillConfirming: false, resumable, error: new ThreeDSecureError('canceled', 'The verification was canceled', { cause }) });
    }
    return update({ status: 'error', stillConfirming: false, resumable, error: toThreeDSecureError(cause) });
  }

  const start = async ({ cardId, workflow = options.workflow ?? 'iframe' }: StartCardVerificationOptions, signal: AbortSignal) => {
    // The request leaves before React re-renders for the new state: the click costs one round trip.
    const creating = options.backend.createCardVerification(cardId, { signal });
    set({ ...IDLE, status: 'creating', cardId, workflow });
    try {
      const verification = await creating;
      if (workflow === 'redirect') return await redirect(verification, signal);
      // Saved before the challenge opens: a reload from here on resumes confirming, not a second challenge.
      const attemptId = saveInPageAttempt(options.attempts, { kind: 'card', resourceId: verification.id, cardId, workflow });
      const shown = await showChallenge({
        resourceId: verification.id,
        workflow,
        getPayjp: options.getPayjp,
        ...(options.popupFallback ? { popupFallback: options.popupFallback } : {}),
        ...(options.dialogOptions ? { dialogOptions: options.dialogOptions } : {}),
        neverStarted: async () => (await options.backend.getCardVerification(verification.id, { signal })).state === 'created',
        signal,
        // "challenging" once pay.js has put its screen up, so no re-render delays the overlay.
        track: (ui) => {
          track(ui);
          if (ui) update({ status: 'challenging', verification });
        },
      });
      if (shown.kind === 'fallback-redirect') return await redirect(verification, signal);
      if (shown.workflow !== workflow) update({ workflow: shown.workflow });
      return await confirm(verification.id, shown.end, attemptId, signal);
    } catch (cause) {
      return fail(cause, signal);
    }
  };

  return flow<StartCardVerificationOptions>(start, {
    find: (filter) => findResumableAttempt(options.attempts, 'card', filter),
    async confirm(attempt, signal) {
      set({ ...IDLE, status: 'verifying', cardId: attempt.cardId ?? null, workflow: attempt.workflow ?? null });
      try {
        return await confirm(attempt.resourceId, { rejected: false }, attempt.id, signal, true);
      } catch (cause) {
        return fail(cause, signal);
      }
    },
  });
}
