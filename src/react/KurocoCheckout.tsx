'use client';
import { useState, type ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import type { KurocoOrderSource } from '../core/kuroco/kurocoPurchaseTypes';
import type { KurocoPurchaseResult } from '../core/kuroco/types';
import { AcsFormAutoSubmit } from './AcsFormAutoSubmit';
import { HandOffRefusal } from './internal/HandOffRefusal';
import { rootClass } from './internal/partClass';
import { useFailureCallback } from './internal/useFailureCallback';
import { StatusRegion } from './internal/StatusRegion';
import { useKurocoPurchase } from './useKurocoPurchase';
import { useThreeDSecureMessages } from './useThreeDSecureMessages';

/** Props of {@link KurocoCheckout}: the order, where its 3-D Secure form may post, texts and callbacks. */
export interface KurocoCheckoutProps {
  /** The order, or a function that builds it at click time (e.g. after creating the card token). */
  order: KurocoOrderSource;
  /** Origins the ACS form may post to. Only the first hop is checked: a page CSP `form-action` pins the redirect chain. */
  allowedActionOrigins?: string[];
  /** A named frame for the 3-D Secure pages. @default the current page */
  target?: string;
  /** The button's label. @default 「注文を確定する」 */
  submitLabel?: ReactNode;
  /** Disables the button (it is also disabled while the order is placed). */
  disabled?: boolean;
  /** Kuroco accepted the order without 3-D Secure (or before the hand-off). */
  onPurchased?(result: KurocoPurchaseResult): void;
  /** Called once per failure: the order was refused, the backend failed, or its 3-D Secure form was refused. */
  onFailed?(error: ThreeDSecureError): void;
  /** @deprecated Use `onFailed` (the name every component and flow uses). Given both, only `onFailed` is called and development builds warn. */
  onError?(error: ThreeDSecureError): void;
  /**
   * When the 3-D Secure form is refused (`acs_action_not_allowed`, `acs_html_invalid`), Kuroco already
   * holds the order, so the button does not come back: the order numbers are shown with a link to
   * this address (your order history or support page). Configuration, never user input.
   */
  failureHref?: string;
  /** Replaces the `failureHref` link under a refused 3-D Secure form, e.g. your own support link or button. */
  failureAction?: ReactNode;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

/**
 * A drop-in “place order” button for Kuroco EC with Paygent 3-D Secure: sends the order once, shows
 * progress and errors, and hands over to the issuer when Kuroco asks for 3-D Secure. The purchase
 * itself (building the order, sending it once, the hand-off) is the core flow's; this only renders it.
 */
export function KurocoCheckout({ order, allowedActionOrigins, target, submitLabel, disabled, onPurchased, onFailed: onFailedProp, onError, failureHref, failureAction, className }: KurocoCheckoutProps) {
  const onFailed = useFailureCallback('<KurocoCheckout>', onFailedProp, onError);
  const { t, errorMessage } = useThreeDSecureMessages();
  const { flow, step, isBusy, result, error, handOffKey } = useKurocoPurchase({
    ...(onPurchased ? { onPurchased } : {}),
    ...(onFailed ? { onFailed: (failure: ThreeDSecureError) => onFailed(failure) } : {}),
  });
  // The hand-off's refusal, reported once by <AcsFormAutoSubmit>: the order exists, so no new purchase.
  const [handOffError, setHandOffError] = useState<ThreeDSecureError | null>(null);
  const handOffFailed = (failure: ThreeDSecureError) => {
    setHandOffError(failure);
    onFailed?.(failure);
  };

  if (result?.acsHtml && handOffKey) {
    return (
      <div className={rootClass('r3k-kuroco-checkout', className)} data-state={handOffError ? 'error' : 'redirecting'}>
        <AcsFormAutoSubmit
          html={result.acsHtml}
          submissionKey={handOffKey}
          onSubmit={flow.markSubmitted}
          {...(allowedActionOrigins ? { allowedActionOrigins } : {})}
          {...(target ? { target } : {})}
          onError={handOffFailed}
        />
        {handOffError ? <HandOffRefusal orderIds={result.orderIds} href={failureHref} action={failureAction} t={t} /> : null}
      </div>
    );
  }

  const placing = step === 'placing';
  return (
    <div className={rootClass('r3k-kuroco-checkout', className)} data-state={placing ? 'pending' : error ? 'error' : result ? 'purchased' : 'idle'}>
      <button type="button" className="r3k-button" onClick={() => void flow.start(order)} disabled={disabled || isBusy || Boolean(result)} aria-busy={placing}>
        {submitLabel ?? t('purchase.submit')}
      </button>
      <StatusRegion
        status={placing ? t('purchase.pending') : result ? result.messages.join(' ') : ''}
        error={error}
        errorMessage={errorMessage}
        errorDetail={error?.requestId ? <p className="r3k-detail">Request ID: {error.requestId}</p> : null}
      />
    </div>
  );
}
