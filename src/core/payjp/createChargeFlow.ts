import { ThreeDSecureError, isThreeDSecureError, toThreeDSecureError } from '../errors';
import { sleep } from '../return/sleep';
import { DEFAULT_FLOW_POLL_DELAYS_MS, createFlowRunner, type PayjpFlowOptions, type RunnableFlow } from './createFlowRunner';
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

const IDLE: ChargeState = { status: 'idle', workflow: null, charge: null, error: null };
const AUTHENTICATED = new Set(['verified', 'attempted']);

// Guest checkout: every later call about the charge carries the tag the server gave with it.
function tagged(charge: ChargeSummary, signal: AbortSignal) {
  return charge.chargeTag ? { signal, chargeTag: charge.chargeTag } : { signal };
}

/**
 * Charge-time 3-D Secure (支払い作成時の3Dセキュア): the server creates the charge for the amount it
 * decides, payjs shows the issuer, then the server finishes it (`tds_finish`) once the issuer's
 * result is in. Nothing is charged twice: one create per start, and the server's finish is idempotent.
 */
export function createChargeFlow(options: ChargeFlowOptions): ChargeFlow {
  const delays = options.pollDelaysMs ?? DEFAULT_FLOW_POLL_DELAYS_MS;
  const { update, set, getSnapshot, track, flow } = createFlowRunner<ChargeState>(IDLE);

  function settle(charge: ChargeSummary): ChargeState {
    if (charge.outcome === 'succeeded') return update({ status: 'succeeded', charge, error: null });
    if (charge.outcome === 'expired') return update({ status: 'expired', charge, error: new ThreeDSecureError('expired', `${charge.id} expired before it was finished`) });
    const error = charge.attemptedRefused
      ? new ThreeDSecureError('attempted_not_accepted', `${charge.id} ended as attempted, which the server does not accept`)
      : charge.failureCode
        ? new ThreeDSecureError('card_declined', `${charge.id} was declined: ${charge.failureCode}`, { providerCode: charge.failureCode })
        : new ThreeDSecureError('three_d_secure_failed', `${charge.id} ended as ${charge.threeDSecureStatus ?? 'unknown'}`);
    return update({ status: 'failed', charge, error });
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

  async function finish(charge: ChargeSummary, end: ChallengeEnd, signal: AbortSignal): Promise<ChargeState> {
    update({ status: 'finishing', charge });
    // A closed screen leaves the charge unverified; a failure or success sets a status. Read twice.
    const reads = end.rejected ? delays.slice(0, 2) : delays;
    let latest = charge;
    for (const delay of reads) {
      await sleep(delay, signal);
      latest = await options.backend.getCharge(charge.id, tagged(charge, signal));
      if (latest.outcome !== 'pending') return settle(latest);
      if (latest.threeDSecureStatus && AUTHENTICATED.has(latest.threeDSecureStatus)) {
        try {
          return settle(await options.backend.finishCharge(charge.id, tagged(charge, signal)));
        } catch (error) {
          const typed = toThreeDSecureError(error);
          if (typed.code === 'card_declined') return update({ status: 'failed', charge: latest, error: typed });
          if (typed.code === 'expired') return update({ status: 'expired', charge: latest, error: typed });
          throw typed;
        }
      }
    }
    if (end.rejected && (latest.threeDSecureStatus === 'unverified' || latest.threeDSecureStatus === null)) {
      return update({ status: 'canceled', charge: latest, error: new ThreeDSecureError('canceled', 'The shopper closed the 3-D Secure screen', { cause: end.error }) });
    }
    return update({ status: 'error', charge: latest, error: new ThreeDSecureError('status_unknown', `No 3-D Secure result yet for ${charge.id}; check again later`) });
  }

  return flow<StartChargeOptions>(async ({ workflow = options.workflow ?? 'iframe', ...body }, signal) => {
    // The request leaves before React re-renders for the new state: the click costs one round trip.
    const creating = options.backend.createCharge(body, { signal });
    set({ ...IDLE, status: 'creating', workflow });
    try {
      const charge = await creating;
      if (charge.outcome !== 'pending') return settle(charge);
      if (workflow === 'redirect') return await redirect(charge, signal);
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
      return await finish(charge, shown.end, signal);
    } catch (cause) {
      if (signal.aborted) {
        const current = getSnapshot();
        return current.status === 'idle' ? current : update({ status: 'canceled', error: new ThreeDSecureError('canceled', 'The payment was canceled', { cause }) });
      }
      return update({ status: isThreeDSecureError(cause) && cause.code === 'card_declined' ? 'failed' : 'error', error: toThreeDSecureError(cause) });
    }
  });
}
