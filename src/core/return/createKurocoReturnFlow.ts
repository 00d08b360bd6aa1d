import type { AttemptOutcome, AttemptStore, KurocoAttempt } from '../attempt/attemptStore';
import { ThreeDSecureError, toThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';
import type { KurocoBackend, KurocoPaymentStatus } from '../kuroco/types';
import { createStore, type ReadableStore } from '../store';
import { sleep } from './sleep';

/** What the return page knows about the attempt it confirms. */
export type ThreeDSecureReturnState =
  | { status: 'checking'; orderIds: readonly number[] }
  | { status: 'succeeded'; orderIds: readonly number[] }
  | { status: 'failed'; orderIds: readonly number[]; error: ThreeDSecureError };

export interface KurocoReturnFlowOptions {
  backend: KurocoBackend;
  attempts: AttemptStore;
  /** The return page's URL. @default location.href when the flow starts */
  url?: string;
  /**
   * Waits before each status read. Kuroco can update the order a little after redirecting, so a
   * not-yet-paid order is read again before it counts as failed. @default [0, 1000, 2000, 3000, 5000]
   */
  pollDelaysMs?: readonly number[];
  /** Remove `dsec_error` from the address bar once read (`history.replaceState`). @default true */
  cleanUrl?: boolean;
}

export interface KurocoReturnFlow extends ReadableStore<ThreeDSecureReturnState> {
  /** Reads the order status again (after `status_unknown`, a network error or a new login). */
  retry(): void;
  /** Forgets the saved attempt, e.g. once the app has shown the outcome and moved on. */
  clear(): void;
}

export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [0, 1000, 2000, 3000, 5000];

// Codes that say the outcome is final: the attempt is settled and a reload shows it again.
const FINAL_CODES = new Set<ThreeDSecureErrorCode>(['three_d_secure_failed', 'authorization_failed']);
// Codes where asking again cannot help within this page.
const STOP_POLLING_CODES = new Set<ThreeDSecureErrorCode>(['unauthorized', 'not_found', 'misconfigured', 'invalid_request']);

function combine(statuses: KurocoPaymentStatus[]): KurocoPaymentStatus {
  if (statuses.every((s) => s === 'paid')) return 'paid';
  if (statuses.some((s) => s === 'failed')) return 'failed';
  return 'pending';
}

function errorFor(code: ThreeDSecureErrorCode, orderIds: readonly number[]): ThreeDSecureError {
  const text: Partial<Record<ThreeDSecureErrorCode, string>> = {
    three_d_secure_failed: 'Kuroco returned dsec_error=1: 3-D Secure failed or timed out',
    authorization_failed: 'The order is still unpaid after 3-D Secure: the card authorization failed',
    status_unknown: 'The order is not confirmed yet; check again later',
    no_pending_attempt: 'No saved 3-D Secure attempt in this tab (sessionStorage)',
  };
  return new ThreeDSecureError(code, text[code] ?? code, { orderIds });
}

/**
 * Confirms a Kuroco 3-D Secure attempt on the return page: `dsec_error=1` is a failure; otherwise the
 * saved orders are read with bounded backoff until paid, or until the reads run out.
 * Work starts with the first subscriber and stops when the last one leaves.
 */
export function createKurocoReturnFlow(options: KurocoReturnFlowOptions): KurocoReturnFlow {
  const delays = options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS;
  let controller: AbortController | null = null;
  let attempt: KurocoAttempt | null = null;

  const store = createStore<ThreeDSecureReturnState>(
    { status: 'checking', orderIds: [] },
    { onActive: () => run(), onIdle: () => stop() },
  );

  function stop() {
    controller?.abort();
    controller = null;
  }

  function finish(state: Exclude<ThreeDSecureReturnState, { status: 'checking' }>) {
    if (attempt && (state.status === 'succeeded' || FINAL_CODES.has(state.error.code))) {
      const outcome: AttemptOutcome = state.status === 'succeeded' ? { status: 'succeeded' } : { status: 'failed', code: state.error.code };
      options.attempts.settle(attempt.id, outcome);
    }
    store.setState(state);
  }

  function readDsecError(): boolean {
    const href = options.url ?? globalThis.location?.href;
    if (!href) return false;
    const url = new URL(href);
    const failed = url.searchParams.get('dsec_error') === '1';
    if (options.cleanUrl !== false && options.url === undefined && url.searchParams.has('dsec_error')) {
      url.searchParams.delete('dsec_error');
      globalThis.history?.replaceState(globalThis.history.state, '', url.toString());
    }
    return failed;
  }

  function run() {
    if (controller || store.getSnapshot().status !== 'checking') return;
    const saved = options.attempts.load();
    attempt = saved?.provider === 'kuroco' ? saved : null;
    if (!attempt) return store.setState({ status: 'failed', orderIds: [], error: errorFor('no_pending_attempt', []) });
    const { orderIds, outcome } = attempt;
    if (outcome) {
      // A reload after the outcome was confirmed: show it again, ask nobody.
      return store.setState(
        outcome.status === 'succeeded' ? { status: 'succeeded', orderIds } : { status: 'failed', orderIds, error: errorFor(outcome.code, orderIds) },
      );
    }
    store.setState({ status: 'checking', orderIds });
    if (readDsecError()) return finish({ status: 'failed', orderIds, error: errorFor('three_d_secure_failed', orderIds) });
    controller = new AbortController();
    void poll(orderIds, controller.signal);
  }

  async function poll(orderIds: readonly number[], signal: AbortSignal) {
    let last: KurocoPaymentStatus | ThreeDSecureError = 'pending';
    for (const delay of delays) {
      try {
        await sleep(delay, signal);
        const statuses = await Promise.all(orderIds.map((id) => options.backend.getPaymentStatus(id, { signal })));
        last = combine(statuses);
        if (last === 'paid') break;
      } catch (error) {
        if (signal.aborted) return;
        last = toThreeDSecureError(error);
        if (STOP_POLLING_CODES.has(last.code)) break;
      }
    }
    if (signal.aborted) return;
    controller = null;
    if (last === 'paid') return finish({ status: 'succeeded', orderIds });
    if (last === 'failed') return finish({ status: 'failed', orderIds, error: errorFor('authorization_failed', orderIds) });
    if (last === 'pending') return finish({ status: 'failed', orderIds, error: errorFor('status_unknown', orderIds) });
    const error = new ThreeDSecureError(last.code, last.message, { ...last, orderIds, cause: last });
    finish({ status: 'failed', orderIds, error });
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    retry() {
      const state = store.getSnapshot();
      if (state.status !== 'failed' || state.error.code === 'no_pending_attempt' || FINAL_CODES.has(state.error.code)) return;
      store.setState({ status: 'checking', orderIds: state.orderIds });
      run();
    },
    clear() {
      stop();
      options.attempts.clear();
    },
  };
}
