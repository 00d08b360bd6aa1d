'use client';
import { useState, type ReactNode } from 'react';
import { toThreeDSecureError, type ThreeDSecureError } from '../core/errors';
import type { KurocoOrderInput, KurocoPurchaseResult } from '../core/kuroco/types';
import { AcsFormAutoSubmit } from './AcsFormAutoSubmit';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { useKurocoContext } from './ThreeDSecureProvider';
import { useKurocoPurchase } from './useKurocoPurchase';

/** Props of {@link KurocoCheckout}: the order, where its 3-D Secure form may post, texts and callbacks. */
export interface KurocoCheckoutProps {
  /** The order, or a function that builds it at click time (e.g. after creating the card token). */
  order: KurocoOrderInput | (() => KurocoOrderInput | Promise<KurocoOrderInput>);
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
  onError?(error: ThreeDSecureError): void;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

/**
 * A drop-in “place order” button for Kuroco EC with Paygent 3-D Secure: sends the order once, shows
 * progress and errors, and hands over to the issuer when Kuroco asks for 3-D Secure.
 */
export function KurocoCheckout({ order, allowedActionOrigins, target, submitLabel, disabled, onPurchased, onError, className }: KurocoCheckoutProps) {
  const { t, errorMessage } = useKurocoContext('<KurocoCheckout>');
  const { purchaseAsync, isPending, data, error, reset } = useKurocoPurchase();
  const [prepareError, setPrepareError] = useState<ThreeDSecureError | null>(null);
  const [preparing, setPreparing] = useState(false);
  const shownError = prepareError ?? error;

  const submit = async () => {
    if (preparing || isPending) return;
    setPrepareError(null);
    if (error) reset();
    let input: KurocoOrderInput;
    setPreparing(true);
    try {
      input = typeof order === 'function' ? await order() : order;
    } catch (cause) {
      const failure = toThreeDSecureError(cause, 'invalid_request');
      setPrepareError(failure);
      onError?.(failure);
      return;
    } finally {
      setPreparing(false);
    }
    try {
      const result = await purchaseAsync(input);
      onPurchased?.(result);
    } catch (cause) {
      onError?.(toThreeDSecureError(cause));
    }
  };

  if (data?.acsHtml) {
    return (
      <div className={rootClass('r3k-kuroco-checkout', className)} data-state="redirecting">
        <AcsFormAutoSubmit
          html={data.acsHtml}
          submissionKey={`kuroco:${data.orderIds.join(',')}`}
          {...(allowedActionOrigins ? { allowedActionOrigins } : {})}
          {...(target ? { target } : {})}
          {...(onError ? { onError } : {})}
        />
      </div>
    );
  }

  const busy = preparing || isPending;
  return (
    <div className={rootClass('r3k-kuroco-checkout', className)} data-state={busy ? 'pending' : shownError ? 'error' : data ? 'purchased' : 'idle'}>
      <button type="button" className="r3k-button" onClick={submit} disabled={disabled || busy || Boolean(data)} aria-busy={busy}>
        {submitLabel ?? t('purchase.submit')}
      </button>
      <StatusRegion
        status={busy ? t('purchase.pending') : data ? data.messages.join(' ') : ''}
        error={shownError}
        errorMessage={errorMessage}
        errorDetail={shownError?.requestId ? <p className="r3k-detail">Request ID: {shownError.requestId}</p> : null}
      />
    </div>
  );
}
