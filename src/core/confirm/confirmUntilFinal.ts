import { ThreeDSecureError, toThreeDSecureError } from '../errors';
import { sleep } from '../return/sleep';

/** How long, and how often, the kit keeps asking for a 3-D Secure result once the challenge is over. */
export interface ConfirmOptions {
  /**
   * How long to keep confirming after the issuer's screen closes (or after a page resumes an
   * attempt): issuers can answer minutes late in production. Reads back off from 0.5 s to
   * {@link CONFIRM_MAX_DELAY_MS}; they stop earlier on a final status, a cancel or an unmount.
   * @default 300_000 (5 minutes) for PAY.JP
   */
  confirmTimeoutMs?: number;
  /**
   * The first waits before each read. Alone (without `confirmTimeoutMs`) they are the whole
   * schedule, as before late results were handled; with it, backoff continues after them.
   */
  pollDelaysMs?: readonly number[];
}

/** The PAY.JP flows' default: production reports describe issuer results minutes late. */
export const DEFAULT_CONFIRM_TIMEOUT_MS = 5 * 60 * 1000;
/** After this long without a result, the flows say they are still confirming. */
export const STILL_CONFIRMING_AFTER_MS = 10_000;
/** The first wait of the backoff, and its growth factor and cap. */
export const CONFIRM_FIRST_DELAY_MS = 500;
export const CONFIRM_BACKOFF_FACTOR = 1.6;
export const CONFIRM_MAX_DELAY_MS = 12_000;

// Statuses a busy or rate-limited server answers (PAY.JP 429 relayed, gateway trouble): ask again later.
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** True for failures that say "not now" rather than "no": transport trouble, 429, 5xx. */
export function isRetryableConfirmError(error: ThreeDSecureError): boolean {
  if (error.code === 'network_error' || error.code === 'timeout' || error.code === 'invalid_response') return true;
  return error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
}

/** Where confirming ended: a final value, or the time ran out (with the last value or error seen). */
export type ConfirmResult<T> = { kind: 'final'; value: T } | { kind: 'timeout'; last: T | null; error: ThreeDSecureError | null };

export interface ConfirmUntilFinalOptions<T> extends ConfirmOptions {
  read(signal: AbortSignal): Promise<T>;
  isFinal(value: T): boolean;
  signal: AbortSignal;
  /** Used when neither `confirmTimeoutMs` nor `pollDelaysMs` is given. */
  defaultTimeoutMs: number;
  /** Called once, {@link STILL_CONFIRMING_AFTER_MS} into confirming, if no final value came yet. */
  onStillConfirming?(): void;
  /** Which read failures mean "keep going". @default isRetryableConfirmError */
  isRetryable?(error: ThreeDSecureError): boolean;
  /** @default Date.now */
  now?(): number;
}

function* backoff(first: readonly number[]): Generator<number> {
  const opening = first.length > 0 ? first : [0];
  yield* opening;
  let delay = Math.max(opening[opening.length - 1]! * CONFIRM_BACKOFF_FACTOR, CONFIRM_FIRST_DELAY_MS);
  for (;;) {
    yield Math.min(delay, CONFIRM_MAX_DELAY_MS);
    delay *= CONFIRM_BACKOFF_FACTOR;
  }
}

/**
 * The one polling loop of every PAY.JP confirmation (flows and return page): reads until a final
 * value, backing off, treating retryable failures as "not yet", for as long as a result can still
 * arrive. An abort rejects with the signal's reason; a failure that is not retryable is thrown.
 */
export async function confirmUntilFinal<T>(options: ConfirmUntilFinalOptions<T>): Promise<ConfirmResult<T>> {
  const { signal } = options;
  const now = options.now ?? Date.now;
  const legacy = options.confirmTimeoutMs === undefined && options.pollDelaysMs !== undefined;
  const timeoutMs = legacy ? Number.POSITIVE_INFINITY : (options.confirmTimeoutMs ?? options.defaultTimeoutMs);
  const delays = legacy ? (options.pollDelaysMs ?? [])[Symbol.iterator]() : backoff(options.pollDelaysMs ?? []);
  const isRetryable = options.isRetryable ?? isRetryableConfirmError;
  const started = now();
  const slowTimer = options.onStillConfirming ? setTimeout(options.onStillConfirming, STILL_CONFIRMING_AFTER_MS) : undefined;
  let last: T | null = null;
  let lastError: ThreeDSecureError | null = null;
  try {
    for (let step = delays.next(); !step.done; step = delays.next()) {
      const remaining = timeoutMs - (now() - started);
      if (remaining < 0 || (remaining === 0 && step.value > 0)) break;
      // The last wait is cut to the deadline, so a result landing just before it is still read.
      await sleep(Math.min(step.value, remaining), signal);
      try {
        last = await options.read(signal);
        lastError = null;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        const typed = toThreeDSecureError(error);
        if (!isRetryable(typed)) throw typed;
        lastError = typed;
        continue;
      }
      if (options.isFinal(last)) return { kind: 'final', value: last };
    }
    return { kind: 'timeout', last, error: lastError };
  } finally {
    clearTimeout(slowTimer);
  }
}
