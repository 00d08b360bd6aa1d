'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import type { MessageKey } from '../core/messages';
import { getCardVerificationErrorMessage } from '../core/payjp/cardVerificationMessages';
import type { CardVerification } from '../core/payjp/protocol';
import { rootClass } from './internal/partClass';
import { useFailureCallback } from './internal/useFailureCallback';
import { StatusRegion } from './internal/StatusRegion';
import { usePayjpContext } from './ThreeDSecureProvider';
import { useTabClaim } from './useTabClaim';
import { useThreeDSecure, type UseThreeDSecureOptions } from './useThreeDSecure';

/** Props of {@link VerifyCardButton}: the card, the texts and callbacks, and the hook's settings. */
export interface VerifyCardButtonProps extends Omit<UseThreeDSecureOptions, 'onSucceeded' | 'onFailed'> {
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
  /** @deprecated Alias of `onFailed` (the Kuroco components' former name). Given both, only `onFailed` is called and development builds warn. */
  onError?(error: ThreeDSecureError, verification: CardVerification | null): void;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
  /**
   * One verification per card across this site's tabs: another tab verifying the same card is
   * followed, not challenged twice. A success is not remembered (the card may be verified again later).
   * `false` turns it off. @default `card:${cardId}`
   */
  tabKey?: string | false;
}

const STATUS_TEXT: Partial<Record<string, MessageKey>> = {
  creating: 'card.creating',
  challenging: 'card.challenging',
  redirecting: 'card.redirecting',
  confirming: 'card.verifying',
};

/** A drop-in “verify this card” button for PAY.JP customer-card 3-D Secure, with a live status region. */
export function VerifyCardButton({ cardId, children, disabled, onSucceeded, onFailed: onFailedProp, onError, className, tabKey, ...options }: VerifyCardButtonProps) {
  const onFailed = useFailureCallback('<VerifyCardButton>', onFailedProp, onError);
  const { t, locale, messages } = usePayjpContext('<VerifyCardButton>');
  // No payment exists here: the card wording, not the checkout's 「お支払いは完了していません」.
  const errorMessage = (failure: ThreeDSecureError) => getCardVerificationErrorMessage(failure, locale, messages);
  // The flow fires the callbacks itself, once per outcome, with these (the latest) props.
  const verification = useThreeDSecure({
    ...options,
    onSucceeded: (snapshot) => snapshot.result && onSucceeded?.(snapshot.result),
    onFailed: (error, snapshot) => onFailed?.(error, snapshot.result),
  });
  const { start, resume, cancel, status, step, state, error, stillConfirming, resumable, isBusy } = verification;

  const tab = useTabClaim(tabKey === false ? null : (tabKey ?? `card:${cardId}`), { name: 'card-verifications', remember: false });
  const elsewhere = tab.status === 'elsewhere';
  const followedSuccess = Boolean(tab.settled) && status !== 'succeeded';

  // A reload or a later visit: confirm the attempt saved for this card rather than challenge again.
  useEffect(() => {
    void resume({ cardId });
  }, [cardId, resume]);

  useEffect(() => {
    tab.report(state);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per state

  // Claim the card first: another tab verifying it is followed (its result shows here), not repeated.
  // A double click shares the one claim; the flow then makes one request for both starts.
  const claiming = useRef<Promise<boolean> | null>(null);
  const verify = async () => {
    claiming.current ??= tab.claim().finally(() => {
      claiming.current = null;
    });
    if (await claiming.current) void start({ cardId });
  };

  const statusKey =
    status === 'succeeded' || followedSuccess
      ? 'card.succeeded'
      : elsewhere
        ? 'tab.cardBusyElsewhere'
        : stillConfirming && step === 'confirming'
          ? 'confirm.stillConfirming'
          : step && STATUS_TEXT[step];
  return (
    <div className={rootClass('r3k-verify-card', className)} data-state={state} data-tab={elsewhere ? 'elsewhere' : undefined}>
      <button type="button" className="r3k-button" onClick={() => void verify()} disabled={disabled || isBusy || elsewhere} aria-busy={isBusy}>
        {children ?? t('card.verify')}
      </button>
      <StatusRegion status={statusKey ? t(statusKey) : ''} error={error} errorMessage={errorMessage} stillConfirming={stillConfirming} />
      {stillConfirming && step === 'confirming' ? (
        // Stops waiting here; the attempt stays saved, so "check again" or a later visit picks it up.
        <button type="button" className="r3k-button r3k-button-secondary" onClick={cancel}>
          {t('card.cancel')}
        </button>
      ) : null}
      {resumable && !isBusy ? (
        <button type="button" className="r3k-button r3k-button-secondary" onClick={() => void resume({ cardId })}>
          {t('checkAgain')}
        </button>
      ) : null}
    </div>
  );
}
