'use client';
import { useEffect, useState } from 'react';
import { createAttemptStore } from '../core/attempt/attemptStore';
import type { ThreeDSecureError } from '../core/errors';
import { findPendingAttempt, type PendingAttempt } from '../core/recovery/findPendingAttempt';
import { useOptionalThreeDSecureContext } from './ThreeDSecureProvider';

export type { PendingAttempt } from '../core/recovery/findPendingAttempt';

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
  /** `checking` until the lookup ends; then `pending` says what was found (or `null`). */
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
  const attempts = context?.attempts;

  useEffect(() => {
    // After mount, not during render: storage and the URL are the browser's, and SSR must match.
    const controller = new AbortController();
    void findPendingAttempt({ attempts: attempts ?? createAttemptStore(), baseUrl, reference, signal: controller.signal }).then((found) => {
      if (!controller.signal.aborted) setState({ status: 'done', ...found });
    });
    return () => controller.abort();
  }, [attempts, baseUrl, reference]);

  return state;
}
