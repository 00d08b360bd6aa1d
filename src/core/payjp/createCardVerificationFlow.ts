import { ThreeDSecureError, toThreeDSecureError } from '../errors';
import { sleep } from '../return/sleep';
import { DEFAULT_FLOW_POLL_DELAYS_MS, createFlowRunner, type PayjpFlowOptions, type RunnableFlow } from './createFlowRunner';
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
const IDLE: CardVerificationState = { status: 'idle', cardId: null, workflow: null, verification: null, error: null };

/**
 * PAY.JP customer-card 3-D Secure (seed 001) as a state machine: create the request on the
 * backend, show the issuer through payjs (iframe, sub-window or redirect), then let the backend's
 * status decide, read with bounded backoff because the payjs promise is only a hint.
 */
export function createCardVerificationFlow(options: CardVerificationFlowOptions): CardVerificationFlow {
  const delays = options.pollDelaysMs ?? DEFAULT_CARD_POLL_DELAYS_MS;
  const { update, set, getSnapshot, track, flow } = createFlowRunner<CardVerificationState>(IDLE);

  async function redirect(verification: CardVerification, signal: AbortSignal): Promise<CardVerificationState> {
    update({ verification });
    await leaveForStartPage({ ...options, kind: 'card', resourceId: verification.id, signal, navigate: (url) => leave(url, update, options.navigate) });
    return getSnapshot();
  }

  async function confirm(verification: CardVerification, end: ChallengeEnd, signal: AbortSignal): Promise<CardVerificationState> {
    update({ status: 'verifying', verification });
    // A closed screen with no result is a cancel; a failure would have a result, so read twice first.
    const reads = end.rejected ? delays.slice(0, 2) : delays;
    let latest = verification;
    for (const delay of reads) {
      await sleep(delay, signal);
      latest = await options.backend.getCardVerification(verification.id, { signal });
      if (latest.outcome !== 'pending') return settle(latest);
    }
    if (end.rejected && (latest.state === 'created' || latest.state === 'in_progress')) {
      return update({ status: 'canceled', verification: latest, error: new ThreeDSecureError('canceled', 'The shopper closed the 3-D Secure screen', { cause: end.error }) });
    }
    return update({ status: 'error', verification: latest, error: new ThreeDSecureError('status_unknown', `No result yet for ${verification.id}; check again later`) });
  }

  function settle(verification: CardVerification): CardVerificationState {
    if (verification.outcome === 'succeeded') return update({ status: 'succeeded', verification, error: null });
    if (verification.outcome === 'expired') return update({ status: 'expired', verification, error: new ThreeDSecureError('expired', `${verification.id} expired before a result`) });
    const error = verification.attemptedRefused
      ? new ThreeDSecureError('attempted_not_accepted', `${verification.id} ended as attempted, which the server does not accept`)
      : new ThreeDSecureError('three_d_secure_failed', `${verification.id} ended as ${verification.threeDSecureStatus ?? 'unknown'}`);
    return update({ status: 'failed', verification, error });
  }

  return flow<StartCardVerificationOptions>(async ({ cardId, workflow = options.workflow ?? 'iframe' }, signal) => {
    // The request leaves before React re-renders for the new state: the click costs one round trip.
    const creating = options.backend.createCardVerification(cardId, { signal });
    set({ ...IDLE, status: 'creating', cardId, workflow });
    try {
      const verification = await creating;
      if (workflow === 'redirect') return await redirect(verification, signal);
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
      return await confirm(verification, shown.end, signal);
    } catch (cause) {
      if (signal.aborted) {
        const current = getSnapshot();
        return current.status === 'idle' ? current : update({ status: 'canceled', error: new ThreeDSecureError('canceled', 'The verification was canceled', { cause }) });
      }
      return update({ status: 'error', error: toThreeDSecureError(cause) });
    }
  });
}
