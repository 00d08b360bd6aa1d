'use client';
import { useEffect, type ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import { getCardVerificationErrorMessage } from '../core/payjp/cardVerificationMessages';
import type { ReturnSubject } from '../core/return/createReturnFlow';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { useLatest } from './internal/useLatest';
import { useThreeDSecureContext } from './ThreeDSecureProvider';
import { useThreeDSecureMessages } from './useThreeDSecureMessages';
import { useThreeDSecureReturn, type UseThreeDSecureReturnOptions } from './useThreeDSecureReturn';

/** Props of {@link ThreeDSecureReturnStatus}: what to show under a failure, callbacks, and the return flow's settings. */
export interface ThreeDSecureReturnStatusProps extends UseThreeDSecureReturnOptions {
  /** Shown under a failure, e.g. a link back to the checkout. */
  retryAction?: ReactNode;
  /**
   * Called once on success with the Kuroco order ids (empty for PAY.JP) and, for a PAY.JP charge,
   * `{ chargeId }` (e.g. `router.push('/thanks/' + chargeId)`).
   */
  onSucceeded?(orderIds: readonly number[], details: { chargeId?: string }): void;
  /** Called once on a failure. */
  onFailed?(error: ThreeDSecureError, orderIds: readonly number[]): void;
  /**
   * What this page confirms, for the texts shown before a saved attempt is read or when there is
   * none: `'card'` on a card verification's return page keeps payment wording away. The saved
   * attempt's own kind wins once it is known. @default 'payment'
   */
  subject?: ReturnSubject;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

/** A drop-in return page body: shows progress, the outcome, the order numbers, and a way to retry. */
export function ThreeDSecureReturnStatus({ retryAction, onSucceeded, onFailed, subject: pageSubject = 'payment', className, ...options }: ThreeDSecureReturnStatusProps) {
  const { messages } = useThreeDSecureContext('<ThreeDSecureReturnStatus>');
  const { t, errorMessage: paymentErrorMessage, locale } = useThreeDSecureMessages();
  const state = useThreeDSecureReturn(options);
  const forCard = (state.subject ?? pageSubject) === 'card';
  const errorMessage = forCard ? (failure: ThreeDSecureError) => getCardVerificationErrorMessage(failure, locale, messages) : paymentErrorMessage;
  const callbacks = useLatest({ onSucceeded, onFailed });

  useEffect(() => {
    if (state.status === 'succeeded') callbacks.current.onSucceeded?.(state.orderIds, state.chargeId ? { chargeId: state.chargeId } : {});
    if (state.status === 'failed') callbacks.current.onFailed?.(state.error, state.orderIds);
  }, [state.status]); // eslint-disable-line react-hooks/exhaustive-deps -- once per outcome

  const orderIds =
    state.orderIds.length > 0 ? (
      <p className="r3k-detail">
        {t('return.orderIds')}: {state.orderIds.join(', ')}
      </p>
    ) : null;
  const stillConfirming = state.status === 'checking' && state.stillConfirming === true;
  const status =
    state.status === 'checking'
      ? t(stillConfirming ? 'confirm.stillConfirming' : forCard ? 'card.verifying' : 'return.checking')
      : state.status === 'succeeded'
        ? t(forCard ? 'card.succeeded' : 'return.succeeded')
        : '';
  const canCheckAgain = state.status === 'failed' && ['status_unknown', 'network_error', 'timeout', 'backend_error', 'invalid_response', 'unauthorized'].includes(state.error.code);

  return (
    <div className={rootClass('r3k-return-status', className)} data-state={state.status}>
      <StatusRegion status={status} error={state.status === 'failed' ? state.error : null} errorMessage={errorMessage} stillConfirming={stillConfirming} />
      {orderIds}
      {canCheckAgain ? (
        <button type="button" className="r3k-button" onClick={state.retry}>
          {t('checkAgain')}
        </button>
      ) : null}
      {state.status === 'failed' && retryAction ? <div className="r3k-actions">{retryAction}</div> : null}
    </div>
  );
}
