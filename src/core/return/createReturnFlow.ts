import { SETTLED_FAILURE_CODES, type AttemptOutcome, type AttemptStore, type SavedAttempt } from '../attempt/attemptStore';
import { DEFAULT_CONFIRM_TIMEOUT_MS, confirmUntilFinal, type ConfirmOptions } from '../confirm/confirmUntilFinal';
import { ThreeDSecureError, toThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';
import { emitEvent, outcomeEvent, type ThreeDSecureEventDetails, type ThreeDSecureEventListener } from '../events';
import { guardCallback } from '../flow/guardCallback';
import { warnInDevelopment } from '../flow/warnInDevelopment';
import type { CardVerification } from '../payjp/protocol';
import { createStore, type ReadableStore } from '../store';

/** What was authenticated: a payment (an order, a charge) or a card (a saved card, a token). */
export type ReturnSubject = 'payment' | 'card';

interface ReturnStateBase {
  orderIds: readonly number[];
  /** Known once the saved attempt is read. */
  subject?: ReturnSubject;
  /**
   * PAY.JP charge 3-D Secure: the saved charge's id (`ch_…`), known once the saved attempt is read
   * and kept after a reload, e.g. for a thanks page URL.
   */
  chargeId?: string;
  verification?: CardVerification;
}

/** What the return page knows about the attempt it confirms. */
export type ThreeDSecureReturnState =
  | (ReturnStateBase & {
      status: 'checking';
      /** Checking has lasted over 10 s: the issuer's result is late. The shopper may leave and come back. */
      stillConfirming?: boolean;
    })
  | (ReturnStateBase & { status: 'succeeded' })
  | (ReturnStateBase & {
      status: 'failed';
      error: ThreeDSecureError;
      /** `retry()` may help (a network error, `status_unknown`, a new login), unlike a final outcome. */
      canRetry?: boolean;
    });

/** One status read: a final verdict, or "not yet" with what that means if the reads run out. */
export type ReturnRead =
  | { final: true; code: null | ThreeDSecureErrorCode; verification?: CardVerification }
  | { final: false; ifExhausted: ThreeDSecureErrorCode; verification?: CardVerification };

/** How one provider confirms its saved attempt. */
export interface ReturnStrategy<A extends SavedAttempt = SavedAttempt> {
  accepts(attempt: SavedAttempt): attempt is A;
  orderIds(attempt: A): readonly number[];
  subject(attempt: A): ReturnSubject;
  /** The PAY.JP charge id of the attempt, when it is a charge. */
  chargeId?(attempt: A): string | undefined;
  /**
   * A verdict the return URL claims (Kuroco's `dsec_error=1`), and the params to strip from it. The
   * flow still reads the status once: a final answer wins, and the claimed failure is settled only
   * when the read's own state is a failure too.
   */
  readUrl?(url: URL): { code: ThreeDSecureErrorCode | null; strip: string[] };
  read(attempt: A, signal: AbortSignal): Promise<ReturnRead>;
  /**
   * How long this provider's results can lag: the return page confirms that long, with backoff.
   * Absent: the fixed {@link DEFAULT_POLL_DELAYS_MS}.
   */
  confirmTimeoutMs?: number;
}

export interface ReturnFlowOptions<A extends SavedAttempt = SavedAttempt> extends ConfirmOptions {
  strategy: ReturnStrategy<A>;
  attempts: AttemptStore;
  /** The return page's URL. @default location.href when the flow starts */
  url?: string;
  /** Remove provider params (`dsec_error`) from the address bar once read. @default true */
  cleanUrl?: boolean;
  /** Fired by the flow once per outcome, with the options current at that moment. */
  onSucceeded?(state: ThreeDSecureReturnState & { status: 'succeeded' }): void;
  onFailed?(error: ThreeDSecureError, state: ThreeDSecureReturnState & { status: 'failed' }): void;
  /** Monitoring: `returned`, `poll`, `still_waiting`, `succeeded`, `failed` (flow `return`). */
  onEvent?: ThreeDSecureEventListener;
}

export interface ReturnFlow<A extends SavedAttempt = SavedAttempt> extends ReadableStore<ThreeDSecureReturnState> {
  /**
   * Replaces the options: callbacks, `onEvent` and the confirm timing apply from now (the timing
   * from the next read loop); a different strategy or attempt store applies only to a new flow.
   */
  setOptions(options: ReturnFlowOptions<A>): void;
  /** Reads the status again (after `status_unknown`, a network error or a new login). */
  retry(): void;
  /** Forgets the saved attempt, e.g. once the app has shown the outcome and moved on. */
  clear(): void;
}

export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [0, 1000, 2000, 3000, 5000];

// Outcomes that are final: the attempt is settled and a reload shows them again.
const FINAL_CODES = SETTLED_FAILURE_CODES;
// Failures a `retry()` may fix: the answer was not final, or the shopper can sign in again.
const RETRYABLE_CODES = new Set<ThreeDSecureErrorCode>(['status_unknown', 'network_error', 'timeout', 'backend_error', 'invalid_response', 'unauthorized']);
// Codes where asking again cannot help within this page.
const STOP_POLLING_CODES = new Set<ThreeDSecureErrorCode>(['unauthorized', 'forbidden', 'not_found', 'misconfigured', 'invalid_request', 'expired', 'card_declined']);

const MESSAGES: Partial<Record<ThreeDSecureErrorCode, string>> = {
  three_d_secure_failed: '3-D Secure failed or timed out',
  authorization_failed: 'The order is still unpaid after 3-D Secure: the card authorization failed',
  attempted_not_accepted: '3-D Secure ended as attempted, which the server does not accept',
  expired: 'The 3-D Secure request expired before a result',
  status_unknown: 'The outcome is not confirmed yet; check again later',
  no_pending_attempt: 'No saved 3-D Secure attempt in this tab (sessionStorage)',
};

/**
 * Confirms, on the page the shopper comes back to (or reloads), the attempt saved before leaving:
 * reads its status with backoff for as long as the provider's result can lag, keeps the order ids in every outcome, and settles final outcomes so a
 * reload shows them again. Work starts with the first subscriber and stops when the last one leaves.
 */
export function createReturnFlow<A extends SavedAttempt>(initialOptions: ReturnFlowOptions<A>): ReturnFlow<A> {
  let options = initialOptions;
  const { strategy, attempts } = initialOptions;
  let controller: AbortController | null = null;
  let attempt: A | null = null;
  let startedAt = Date.now();
  // What the saved attempt is about, spread into every state once it is read.
  let subject: { subject: ReturnSubject; chargeId?: string } | Record<string, never> = {};

  const store = createStore<ThreeDSecureReturnState>({ status: 'checking', orderIds: [] }, { onActive: () => run(), onIdle: () => stop() });

  // Every state goes through here: the derived flags, then once per outcome the event and the callback.
  function publish(next: ThreeDSecureReturnState) {
    const previous = store.getSnapshot();
    const state = next.status === 'failed' ? { ...next, canRetry: RETRYABLE_CODES.has(next.error.code) } : next;
    store.setState(state);
    if (state.status === previous.status) return;
    if (state.status === 'succeeded') {
      emit(outcomeEvent(null));
      guardCallback(() => options.onSucceeded?.(state));
    } else if (state.status === 'failed') {
      emit(outcomeEvent(state.error));
      guardCallback(() => options.onFailed?.(state.error, state));
    }
  }

  function emit(event: ThreeDSecureEventDetails) {
    const ids = attempt ? { ...(subject.chargeId ? { resourceId: subject.chargeId } : {}), ...(strategy.orderIds(attempt).length > 0 ? { orderIds: strategy.orderIds(attempt) } : {}) } : {};
    emitEvent(options.onEvent, 'return', startedAt, { ...ids, ...event });
  }

  function stop() {
    controller?.abort();
    controller = null;
  }

  function fail(code: ThreeDSecureErrorCode, orderIds: readonly number[], verification?: CardVerification, cause?: ThreeDSecureError, settle = true) {
    const error = cause
      ? new ThreeDSecureError(cause.code, cause.message, { ...cause, orderIds, cause })
      : new ThreeDSecureError(code, MESSAGES[code] ?? code, { orderIds });
    finish({ status: 'failed', orderIds, error, ...subject, ...(verification ? { verification } : {}) }, settle);
  }

  function finish(state: Exclude<ThreeDSecureReturnState, { status: 'checking' }>, settle = true) {
    if (settle && attempt && (state.status === 'succeeded' || FINAL_CODES.has(state.error.code))) {
      const outcome: AttemptOutcome = state.status === 'succeeded' ? { status: 'succeeded' } : { status: 'failed', code: state.error.code };
      attempts.settle(attempt.id, outcome);
    }
    publish(state);
  }

  function readUrl(): ThreeDSecureErrorCode | null {
    const href = options.url ?? globalThis.location?.href;
    if (!href || !strategy.readUrl) return null;
    const url = new URL(href);
    const { code, strip } = strategy.readUrl(url);
    if (options.cleanUrl !== false && options.url === undefined && strip.some((name) => url.searchParams.has(name))) {
      for (const name of strip) url.searchParams.delete(name);
      globalThis.history?.replaceState(globalThis.history.state, '', url.toString());
    }
    return code;
  }

  function run() {
    if (controller || store.getSnapshot().status !== 'checking') return;
    startedAt = Date.now();
    const saved = attempts.load();
    attempt = saved && strategy.accepts(saved) ? saved : null;
    if (!attempt) return fail('no_pending_attempt', []);
    const orderIds = strategy.orderIds(attempt);
    const chargeId = strategy.chargeId?.(attempt);
    subject = { subject: strategy.subject(attempt), ...(chargeId ? { chargeId } : {}) };
    if (attempt.outcome) {
      // A reload after the outcome was confirmed: show it again, ask nobody.
      const { outcome } = attempt;
      return outcome.status === 'succeeded'
        ? publish({ status: 'succeeded', orderIds, ...subject })
        : publish({ status: 'failed', orderIds, ...subject, error: new ThreeDSecureError(outcome.code, MESSAGES[outcome.code] ?? outcome.code, { orderIds }) });
    }
    publish({ status: 'checking', orderIds, ...subject });
    emit({ type: 'returned' });
    // A verdict in the URL is only a claim (anyone who can navigate this tab can add `dsec_error=1`):
    // the server is still asked, once, instead of polling.
    const claimed = readUrl();
    controller = new AbortController();
    const { signal } = controller;
    void poll(attempt, orderIds, claimed !== null, signal).then((last) => {
      if (signal.aborted) return;
      controller = null;
      conclude(last, orderIds, claimed);
    });
  }

  // One read for a URL claim; otherwise the shared confirming loop (backoff, still-confirming).
  async function poll(saved: A, orderIds: readonly number[], once: boolean, signal: AbortSignal): Promise<ReturnRead | ThreeDSecureError> {
    // Explicit waits alone keep their fixed schedule; otherwise the provider's lag decides. Read per loop: options may change.
    const confirmTimeoutMs = options.confirmTimeoutMs ?? (options.pollDelaysMs ? undefined : strategy.confirmTimeoutMs);
    const pollDelaysMs = options.pollDelaysMs ?? (confirmTimeoutMs === undefined ? DEFAULT_POLL_DELAYS_MS : undefined);
    let polls = 0;
    try {
      const result = await confirmUntilFinal({
        read: (inner) => {
          polls += 1;
          emit({ type: 'poll', attempt: polls });
          return strategy.read(saved, inner);
        },
        isFinal: (read) => read.final,
        signal,
        ...(once ? { pollDelaysMs: [0] } : { ...(confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs }), ...(pollDelaysMs ? { pollDelaysMs } : {}) }),
        defaultTimeoutMs: DEFAULT_CONFIRM_TIMEOUT_MS,
        isRetryable: (error) => !STOP_POLLING_CODES.has(error.code),
        onStillConfirming: () => {
          publish({ status: 'checking', orderIds, ...subject, stillConfirming: true });
          emit({ type: 'still_waiting' });
        },
      });
      if (result.kind === 'final') return result.value;
      return result.error ?? result.last ?? { final: false, ifExhausted: 'status_unknown' };
    } catch (error) {
      // An abort is dropped by the caller; anything else is the failure to show.
      return toThreeDSecureError(error);
    }
  }

  function conclude(last: ReturnRead | ThreeDSecureError, orderIds: readonly number[], claimed: ThreeDSecureErrorCode | null) {
    if (last instanceof ThreeDSecureError) return fail(last.code, orderIds, undefined, last);
    const { verification } = last;
    if (last.final && last.code === null) return finish({ status: 'succeeded', orderIds, ...subject, ...(verification ? { verification } : {}) });
    if (last.final || !claimed) return fail(last.final ? (last.code ?? 'status_unknown') : last.ifExhausted, orderIds, verification);
    // The URL says it failed and the server has no final word: the claim is shown, but settled only
    // when the server's own state is a failure too (it would end as one if the reads ran out).
    fail(claimed, orderIds, verification, undefined, last.ifExhausted !== 'status_unknown');
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    setOptions(next) {
      if (next.strategy !== strategy || next.attempts !== attempts) warnInDevelopment('the return flow keeps its first backend and storage: remount the return page (a new key) to switch.');
      options = { ...next, strategy, attempts };
    },
    retry() {
      const state = store.getSnapshot();
      if (state.status !== 'failed' || !state.canRetry) return;
      publish({ status: 'checking', orderIds: state.orderIds, ...subject });
      run();
    },
    clear() {
      stop();
      attempts.clear();
    },
  };
}
