'use client';
import type { ReactNode } from 'react';
import { getErrorMessage, getMessage, type MessageKey } from '../core/messages';
import { useOptionalThreeDSecureContext } from './ThreeDSecureProvider';
import { usePendingAttempt, type PendingAttempt, type UsePendingAttemptOptions } from './usePendingAttempt';

export interface PendingAttemptNoticeProps extends UsePendingAttemptOptions {
  /** Shown under the notice (a link to the order history, a "check again" button). */
  children?: ReactNode;
  className?: string;
}

function messageKey(pending: PendingAttempt): MessageKey {
  if (pending.source === 'tab') return 'pending.unsettled';
  switch (pending.outcome) {
    case 'succeeded':
      return 'return.succeeded';
    case 'failed':
      return 'pending.failed';
    case 'expired':
      return 'expired';
    default:
      return 'pending.processing';
  }
}

/**
 * A short notice about a payment that never settled (see {@link usePendingAttempt}); renders
 * nothing when there is none. `data-outcome` says which (`unsettled` for this tab's own attempt).
 */
export function PendingAttemptNotice({ children, className, ...options }: PendingAttemptNoticeProps) {
  const context = useOptionalThreeDSecureContext();
  const { pending, error } = usePendingAttempt(options);
  const locale = context?.locale ?? 'ja';
  if (!pending && !error) return null;
  const text = pending ? getMessage(messageKey(pending), locale, context?.messages) : getErrorMessage(error!, locale, context?.messages);
  const outcome = pending ? (pending.source === 'tab' ? 'unsettled' : pending.outcome) : 'error';
  return (
    <section className={className} aria-live="polite" data-outcome={outcome} data-error-code={error?.code}>
      <p>{text}</p>
      {children}
    </section>
  );
}
