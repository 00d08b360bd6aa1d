'use client';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import type { MessageKey } from '../core/messages';
import type { ChargeSummary } from '../core/payjp/protocol';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { PayjpCardElement } from './PayjpCardElement';
import { usePayjpCard } from './usePayjpCard';
import { usePayjpCharge, type UsePayjpChargeOptions } from './usePayjpCharge';
import { usePayjpContext } from './ThreeDSecureProvider';

export interface PayjpCheckoutProps extends Omit<UsePayjpChargeOptions, 'onSucceeded' | 'onFailed'> {
  /** Your reference to what is bought (a cart id); the server prices it. Never an amount. */
  order: unknown;
  /** Split card fields. @default false */
  split?: boolean;
  /** The pay button's label. @default 「支払う」 */
  submitLabel?: ReactNode;
  onSucceeded?(charge: ChargeSummary): void;
  onFailed?(error: ThreeDSecureError): void;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

const STATUS_TEXT: Partial<Record<string, MessageKey>> = {
  tokenizing: 'charge.processing',
  creating: 'charge.processing',
  challenging: 'card.challenging',
  redirecting: 'card.redirecting',
  confirming: 'charge.finishing',
};

/**
 * A drop-in PAY.JP checkout with charge-time 3-D Secure: card fields, the cardholder details PAY.JP
 * asks for, one pay button. The token is made in the browser; the server prices the order, creates
 * the charge with `three_d_secure=true` and finishes it after the issuer's challenge. The charge
 * flow runs it all (tokenise, then charge) and fires the callbacks; this component only renders.
 */
export function PayjpCheckout({ order, split, submitLabel, onSucceeded, onFailed, className, ...chargeOptions }: PayjpCheckoutProps) {
  const { t, errorMessage } = usePayjpContext('<PayjpCheckout>');
  const card = usePayjpCard();
  const charge = usePayjpCharge({
    ...chargeOptions,
    onSucceeded: (snapshot) => snapshot.result && onSucceeded?.(snapshot.result),
    onFailed: (error) => onFailed?.(error),
  });
  const [cardholder, setCardholder] = useState({ name: '', email: '', phone: '' });
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const { error, step, isBusy } = charge;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isBusy || charge.status === 'succeeded') return;
    // A new token each run: PAY.JP tokens are single-use, and a failed charge may have used it.
    void charge.start({ token: async () => (await card.createToken(cardholder, { requireCardholder: true })).id, order });
  };

  const field = (name: 'name' | 'email' | 'phone', type: string, autoComplete: string) => (
    <div className="r3k-field">
      <label className="r3k-label" htmlFor={`${id}-${name}`}>{t(`cardholder.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        className="r3k-input"
        name={name}
        type={type}
        autoComplete={autoComplete}
        value={cardholder[name]}
        aria-invalid={error?.field === name || undefined}
        onChange={(event) => setCardholder((current) => ({ ...current, [name]: event.target.value }))}
      />
    </div>
  );

  const statusKey = charge.status === 'succeeded' ? 'return.succeeded' : charge.stillConfirming && step === 'confirming' ? 'confirm.stillConfirming' : step && STATUS_TEXT[step];
  return (
    <form className={rootClass('r3k-checkout', className)} data-state={charge.state} onSubmit={submit} noValidate>
      <PayjpCardElement card={card.card} split={split ?? false} className="r3k-field" />
      {field('name', 'text', 'cc-name')}
      <p id={`${id}-hint`} className="r3k-hint">{t('cardholder.hint')}</p>
      {field('email', 'email', 'email')}
      {field('phone', 'tel', 'tel')}
      <button type="submit" className="r3k-button" disabled={isBusy || !card.ready || charge.status === 'succeeded'} aria-busy={isBusy}>
        {submitLabel ?? t('charge.pay')}
      </button>
      <StatusRegion status={statusKey ? t(statusKey) : ''} error={error} errorMessage={errorMessage} stillConfirming={charge.stillConfirming} />
      {charge.stillConfirming && step === 'confirming' ? (
        // Stops waiting here; the attempt stays saved, so "check again" or a later visit picks it up.
        <button type="button" className="r3k-button r3k-button-secondary" onClick={charge.cancel}>
          {t('card.cancel')}
        </button>
      ) : null}
      {charge.resumable && !isBusy && error?.code !== 'invalid_card' ? (
        <button type="button" className="r3k-button r3k-button-secondary" onClick={() => void charge.resume()}>
          {t('checkAgain')}
        </button>
      ) : null}
    </form>
  );
}
