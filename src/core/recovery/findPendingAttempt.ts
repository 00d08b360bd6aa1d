import type { AttemptStore, SavedAttempt } from '../attempt/attemptStore';
import { toThreeDSecureError, type ThreeDSecureError } from '../errors';
import type { ChargeOutcome } from '../payjp/protocol';
import { readAttemptOutcome, readAttemptReference } from './readAttemptOutcome';

/** An attempt that never settled: saved in this tab, or known to the server by a signed reference. */
export type PendingAttempt = { source: 'tab'; attempt: SavedAttempt } | { source: 'server'; outcome: ChargeOutcome };

/** Options of {@link findPendingAttempt}. */
export interface FindPendingAttemptOptions {
  attempts: AttemptStore;
  /** Where `createPayjpHandler` (with `attemptReferences`) is mounted; without it only `attempts` is read. */
  baseUrl?: string | undefined;
  /** The signed reference. @default the current URL's `r3ds_attempt` parameter */
  reference?: string | null | undefined;
  signal?: AbortSignal;
}

/**
 * This tab's unsettled attempt first; else, with `baseUrl` and a reference, the server's outcome
 * for it. Never rejects: a failed lookup is `error`.
 */
export async function findPendingAttempt(options: FindPendingAttemptOptions): Promise<{ pending: PendingAttempt | null; error: ThreeDSecureError | null }> {
  const saved = options.attempts.load();
  if (saved && !saved.outcome) return { pending: { source: 'tab', attempt: saved }, error: null };
  const reference = options.reference === undefined ? (typeof location === 'undefined' ? null : readAttemptReference(location.search)) : options.reference;
  if (!options.baseUrl || !reference) return { pending: null, error: null };
  try {
    const outcome = await readAttemptOutcome({ baseUrl: options.baseUrl, reference, ...(options.signal ? { signal: options.signal } : {}) });
    return { pending: { source: 'server', outcome }, error: null };
  } catch (cause) {
    return { pending: null, error: toThreeDSecureError(cause) };
  }
}
