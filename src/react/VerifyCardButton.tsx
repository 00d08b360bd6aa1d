'use client';
import { useEffect, type ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import type { MessageKey } from '../core/messages';
import { getCardVerificationErrorMessage } from '../core/payjp/cardVerificationMessages';
import type { CardVerification } from '../core/payjp/protocol';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { useLatest } from './internal/useLatest';
import { usePayjpContext } from './ThreeDSecureProvider';
import { useThreeDSecure, type UseThreeDSecureOptions } from './useThreeDSecure';

/** Props of {@link VerifyCardButton}: the card, the texts and callbacks, and the hook's settings. */
export interface VerifyCardButtonProps extends UseThreeDSecureOptions {
  /** The saved card to verify, `car_…`. */
  cardId: string;
  /** The button's label. @default 「カードの本人認証をする」 */
  children?: ReactNode;
  /** Disables the button (it is also disabled while a verification runs). */
  disabled?: boolean;
  /** Called once when the backend reads the verification as succeeded (re-check it on your server before acting). */
  onSucceeded?(verification: CardVerification): void;
  /** The card stays usable after a failure: the app decides what a failure means. */
  onFailed?(error: ThreeDSecureError, verification: CardVerification | null): void;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

const STATUS_TEXT: Partial<Record<string, MessageKey>> = {
  creating: 'card.creating',
  challenging: 'card.challenging',
  redirecting: 'card.redirecting',
  verifying: 'card.verifying',
  succeeded: 'card.succeeded',
};

/** A drop-in “verify this card” button for PAY.JP customer-card 3-D Secure, with a live status region. */
export function VerifyCardButton({ cardId, children, disabled, onSucceeded, onFailed, className, ...options }: VerifyCardButtonProps) {
  const { t, locale, messages } = usePayjpContext('<VerifyCardButton>');
  // No payment exists here: the card wording, not the checkout's 「お支払いは完了していません」.
  const errorMessage = (failure: ThreeDSecureError) => getCardVerificationErrorMessage(failure, locale, messages);
  const { start, resume, cancel, state, result, error, stillConfirming, resumable } = useThreeDSecure(options);
  const callbacks = useLatest({ onSucceeded, onFailed });
  const busy = state === 'creating' || state === 'challenging' || state === 'redirecting' || state === 'verifying';

  useEffect(() => {
    if (state === 'succeeded' && result) callbacks.current.onSucceeded?.(result);
    else if (error && (state === 'failed' || state === 'expired' || state === 'canceled' || state === 'error')) callbacks.current.onFailed?.(error, result);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per outcome

  // A reload or a later visit: confirm the attempt saved for this card rather than challenge again.
  useEffect(() => {
    void resume({ cardId });
  }, [cardId, resume]);

  const statusKey = stillConfirming && state === 'verifying' ? 'confirm.stillConfirming' : STATUS_TEXT[state];
  return (
    <div className={rootClass('r3k-verify-card', className)} data-state={state}>
      <button type="button" className="r3k-button" onClick={() => void start({ cardId })} disabled={disabled || busy} aria-busy={busy}>
        {children ?? t('card.verify')}
      </button>
      <StatusRegion status={statusKey ? t(statusKey) : ''} error={error} errorMessage={errorMessage} stillConfirming={stillConfirming} />
      {stillConfirming && state === 'verifying' ? (
        // Stops waiting here; the attempt stays saved, so "check again" or a later visit picks it up.
        <button type="button" className="r3k-button r3k-button-secondary" onClick={cancel}>
          {t('card.cancel')}
        </button>
      ) : null}
      {resumable && !busy ? (
        <button type="button" className="r3k-button r3k-button-secondary" onClick={() => void resume({ cardId })}>
          {t('checkAgain')}
        </button>
      ) : null}
    </div>
  );
}
