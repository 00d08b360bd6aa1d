'use client';
import type { ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import { getCardVerificationErrorMessage } from '../core/payjp/cardVerificationMessages';
import type { ReturnSubject } from '../core/return/createReturnFlow';
import { rootClass } from './internal/partClass';
import { useFailureCallback } from './internal/useFailureCallback';
import { StatusRegion } from './internal/StatusRegion';
import { useThreeDSecureContext } from './ThreeDSecureProvider';
import { useThreeDSecureMessages } from './useThreeDSecureMessages';
import { useThreeDSecureReturn, type UseThreeDSecureReturnOptions } from './useThreeDSecureReturn';

/** Props of {@link ThreeDSecureReturnStatus}: what to show under a failure, callbacks, and the return flow's settings. */
export interface ThreeDSecureReturnStatusProps extends Omit<UseThreeDSecureReturnOptions, 'onSucceeded' | 'onFailed'> {
  /** Shown under a failure, e.g. a link back to the checkout. */
  retryAction?: ReactNode;
  /**
   * Called once on success with the Kuroco order ids (empty for PAY.JP) and, for a PAY.JP charge,
   * `{ chargeId }` (e.g. `router.push('/thanks/' + chargeId)`).
   */
  onSucceeded?(orderIds: readonly number[], details: { chargeId?: string }): void;
  /** Called once on a failure. */
  onFailed?(error: ThreeDSecureError, orderIds: readonly number[]): void;
  /** @deprecated Alias of `onFailed` (the Kuroco components' former name). Given both, only `onFailed` is called and development builds warn. */
  onError?(error: ThreeDSecureError, orderIds: readonly number[]): void;
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
export function ThreeDSecureReturnStatus({ retryAction, onSucceeded, onFailed: onFailedProp, onError, subject: pageSubject = 'payment', className, ...options }: ThreeDSecureReturnStatusProps) {
  const onFailed = useFailureCallback('<ThreeDSecureReturnStatus>', onFailedProp, onError);
  const { messages } = useThreeDSecureContext('<ThreeDSecureReturnStatus>');
  const { t, errorMessage: paymentErrorMessage, locale } = useThreeDSecureMessages();
  // The flow fires the callbacks itself, once per outcome, with these (the latest) props.
  const state = useThreeDSecureReturn({
    ...options,
    onSucceeded: (done) => onSucceeded?.(done.orderIds, done.chargeId ? { chargeId: done.chargeId } : {}),
    onFailed: (error, failed) => onFailed?.(error, failed.orderIds),
  });
  const forCard = (state.subject ?? pageSubject) === 'card';
  const errorMessage = forCard ? (failure: ThreeDSecureError) => getCardVerificationErrorMessage(failure, locale, messages) : paymentErrorMessage;

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

  return (
    <div className={rootClass('r3k-return-status', className)} data-state={state.status}>
      <StatusRegion status={status} error={state.status === 'failed' ? state.error : null} errorMessage={errorMessage} stillConfirming={stillConfirming} />
      {orderIds}
      {state.status === 'failed' && state.canRetry ? (
        <button type="button" className="r3k-button" onClick={state.retry}>
          {t('checkAgain')}
        </button>
      ) : null}
      {state.status === 'failed' && retryAction ? <div className="r3k-actions">{retryAction}</div> : null}
    </div>
  );
}
