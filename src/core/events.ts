import type { ThreeDSecureError, ThreeDSecureErrorCode } from './errors';
import { guardCallback } from './flow/guardCallback';
import type { ThreeDSecureWorkflow } from './payjp/payjs';

/** Which journey an event belongs to. */
export type ThreeDSecureEventFlow = 'card_verification' | 'charge' | 'token' | 'kuroco_purchase' | 'return';

/**
 * What every event carries. Only ids, the workflow, codes and timings: never card data, names,
 * e-mail addresses, phone numbers or amounts, so an app may forward events to its logs as they are.
 */
export interface ThreeDSecureEventBase {
  flow: ThreeDSecureEventFlow;
  /** `Date.now()` when the event happened. */
  at: number;
  /** Milliseconds since the run started (`started`), for timings. */
  elapsedMs: number;
  /** The provider resource once known: `tdsr_…`, `ch_…`, `tok_…`; for Kuroco, the order ids. */
  resourceId?: string;
  orderIds?: readonly number[];
  /** PAY.JP: the workflow in use (after a popup fallback, the one that replaced the sub-window). */
  workflow?: ThreeDSecureWorkflow;
}

/**
 * One step of a 3-D Secure journey, for monitoring (`onEvent`). A typed union on `type`:
 * - `started`: a run began (a click, a resume, a return page).
 * - `challenge_shown`: the issuer's screen is up (iframe, sub-window) or the ACS form was posted.
 * - `popup_fallback`: the browser blocked the sub-window; `fallback` replaced it.
 * - `returned`: the shopper is back from the issuer (the screen closed, or the return page loaded).
 * - `poll`: one status read; `attempt` counts from 1.
 * - `still_waiting`: no result after 10 s; confirming goes on.
 * - `succeeded` / `failed`: the run ended; `failed` carries the kit's code and, when known, the
 *   provider's code and Kuroco's request id.
 */
export type ThreeDSecureEvent = ThreeDSecureEventBase &
  (
    | { type: 'started' }
    | { type: 'challenge_shown' }
    | { type: 'popup_fallback'; fallback: 'iframe' | 'redirect' | 'none' }
    | { type: 'returned' }
    | { type: 'poll'; attempt: number }
    | { type: 'still_waiting' }
    | { type: 'succeeded' }
    | { type: 'failed'; code: ThreeDSecureErrorCode; providerCode?: string; requestId?: string }
  );

/** An event without what the emitter adds (`flow`, `at`, `elapsedMs`). */
export type ThreeDSecureEventDetails = ThreeDSecureEvent extends infer E ? (E extends ThreeDSecureEvent ? Omit<E, 'flow' | 'at' | 'elapsedMs'> : never) : never;

/** The `type` of a {@link ThreeDSecureEvent}. */
export type ThreeDSecureEventType = ThreeDSecureEvent['type'];

/** Where events go: an `onEvent` option of a flow (or of the provider). Must not throw; errors are reported, not thrown. */
export type ThreeDSecureEventListener = (event: ThreeDSecureEvent) => void;

/**
 * Stamps an event of `flow` (`at`, and `elapsedMs` since `startedAt`) and hands it to the listener.
 * The one emitter of every flow; a listener that throws does not break the journey (reported asynchronously).
 */
export function emitEvent(
  listener: ThreeDSecureEventListener | undefined,
  flow: ThreeDSecureEventFlow,
  startedAt: number,
  details: ThreeDSecureEventDetails & Partial<Pick<ThreeDSecureEventBase, 'resourceId' | 'orderIds' | 'workflow'>>,
  at = Date.now(),
): void {
  if (listener) guardCallback(() => listener({ ...details, flow, at, elapsedMs: at - startedAt } as ThreeDSecureEvent));
}

/** The event of a run's outcome: `succeeded`, or `failed` with the kit's code and, when known, the provider's code and request id. */
export function outcomeEvent(error: ThreeDSecureError | null): ThreeDSecureEventDetails {
  if (!error) return { type: 'succeeded' };
  const { code, providerCode, requestId } = error;
  return { type: 'failed', code, ...(providerCode ? { providerCode } : {}), ...(requestId ? { requestId } : {}) };
}

/** One listener for several (the client's, the provider's, a hook's): each is called in turn, guarded. */
export function joinListeners(...listeners: ReadonlyArray<ThreeDSecureEventListener | null | undefined>): ThreeDSecureEventListener | undefined {
  const present = listeners.filter((listener): listener is ThreeDSecureEventListener => typeof listener === 'function');
  if (present.length < 2) return present[0];
  return (event) => {
    for (const listener of present) guardCallback(() => listener(event));
  };
}
