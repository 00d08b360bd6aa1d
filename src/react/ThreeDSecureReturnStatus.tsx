'use client';
import type { ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { useThreeDSecureContext } from './ThreeDSecureProvider';
import { useThreeDSecureReturn, type UseThreeDSecureReturnOptions } from './useThreeDSecureReturn';

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
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

/** A drop-in return page body: shows progress, the outcome, the order numbers, and a way to retry. */
export function ThreeDSecureReturnStatus({ retryAction, onSucceeded, onFailed, className, ...options }: ThreeDSecureReturnStatusProps) {
  const { t, errorMessage } = useThreeDSecureContext('<ThreeDSecureReturnStatus>');
  // The flow fires the callbacks itself, once per outcome, with these (the latest) props.
  const state = useThreeDSecureReturn({
    ...options,
    onSucceeded: (done) => onSucceeded?.(done.orderIds, done.chargeId ? { chargeId: done.chargeId } : {}),
    onFailed: (error, failed) => onFailed?.(error, failed.orderIds),
  });

  const orderIds =
    state.orderIds.length > 0 ? (
      <p className="r3k-detail">
        {t('return.orderIds')}: {state.orderIds.join(', ')}
      </p>
    ) : null;
  const stillConfirming = state.status === 'checking' && state.stillConfirming === true;
  const status =
    state.status === 'checking'
      ? t(stillConfirming ? 'confirm.stillConfirming' : 'return.checking')
      : state.status === 'succeeded'
        ? t(state.subject === 'card' ? 'card.succeeded' : 'return.succeeded')
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
