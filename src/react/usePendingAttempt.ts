'use client';
import { useEffect, useState } from 'react';
import { createAttemptStore, type SavedAttempt } from '../core/attempt/attemptStore';
import { toThreeDSecureError, type ThreeDSecureError } from '../core/errors';
import type { ChargeOutcome } from '../core/payjp/protocol';
import { readAttemptOutcome, readAttemptReference } from '../core/recovery/readAttemptOutcome';
import { useOptionalThreeDSecureContext } from './ThreeDSecureProvider';

/** An attempt that never settled: saved in this tab, or known to the server by a signed reference. */
export type PendingAttempt = { source: 'tab'; attempt: SavedAttempt } | { source: 'server'; outcome: ChargeOutcome };

/** Options of {@link usePendingAttempt}. */
export interface UsePendingAttemptOptions {
  /**
   * Where `createPayjpHandler` (with `attemptReferences`) is mounted: with it, a reference in the
   * URL is looked up there. Without it only this tab's attempt store is read.
   */
  baseUrl?: string;
  /** The signed reference. @default the current URL's `r3ds_attempt` parameter */
  reference?: string | null;
}

/** What {@link usePendingAttempt} returns. */
export interface UsePendingAttemptResult {
  /** `checking`: asking the server; `done`: `pending` says what was found (or `null`). */
  status: 'checking' | 'done';
  pending: PendingAttempt | null;
  /** The server lookup failed (`not_found` for a forged reference, `expired`, `network_error`, …). */
  error: ThreeDSecureError | null;
}

/**
 * Surfaces a payment that never settled, on the next visit: first the attempt this tab saved
 * (an unsettled redirect or in-page attempt), else, with `baseUrl`, the outcome the server knows
 * for the signed reference the redirect workflow's return URL carries, which also works in
 * another browser (a bank app that returns the shopper to Safari).
 */
export function usePendingAttempt({ baseUrl, reference }: UsePendingAttemptOptions = {}): UsePendingAttemptResult {
  const context = useOptionalThreeDSecureContext();
  const [state, setState] = useState<UsePendingAttemptResult>({ status: 'checking', pending: null, error: null });

  useEffect(() => {
    const saved = (context?.attempts ?? createAttemptStore()).load();
    if (saved && !saved.outcome) {
      setState({ status: 'done', pending: { source: 'tab', attempt: saved }, error: null });
      return undefined;
    }
    const signed = reference === undefined ? (typeof location === 'undefined' ? null : readAttemptReference(location.search)) : reference;
    if (!baseUrl || !signed) {
      setState({ status: 'done', pending: null, error: null });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'checking', pending: null, error: null });
    readAttemptOutcome({ baseUrl, reference: signed, signal: controller.signal }).then(
      (outcome) => setState({ status: 'done', pending: { source: 'server', outcome }, error: null }),
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'done', pending: null, error: toThreeDSecureError(cause) });
      },
    );
    return () => controller.abort();
  }, [context?.attempts, baseUrl, reference]);

  return state;
}
