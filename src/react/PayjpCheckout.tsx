'use client';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { toThreeDSecureError, type ThreeDSecureError } from '../core/errors';
import type { MessageKey } from '../core/messages';
import type { ChargeSummary } from '../core/payjp/protocol';
import { useLatest } from './internal/useLatest';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { PayjpCardElement } from './PayjpCardElement';
import { usePayjpCard } from './usePayjpCard';
import { usePayjpCharge, type UsePayjpChargeOptions } from './usePayjpCharge';
import { usePayjpContext } from './ThreeDSecureProvider';
import { orderTabKey } from '../core/recovery/settledRecords';
import { useTabClaim } from './useTabClaim';

export interface PayjpCheckoutProps extends UsePayjpChargeOptions {
  /** Your reference to what is bought (a cart id); the server prices it. Never an amount. */
  order: unknown;
  /** Split card fields. @default false */
  split?: boolean;
  /** The pay button's label. @default 「支払う」 */
  submitLabel?: ReactNode;
  onSucceeded?(charge: ChargeSummary): void;
  onFailed?(error: ThreeDSecureError): void;
  /**
   * One payment per order across tabs, and the paid result after the back button: tabs with the
   * same key coordinate (see README "Two tabs and the back button"). `false` turns it off.
   * @default a key made from `order`
   */
  tabKey?: string | false;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

const STATUS_TEXT: Partial<Record<string, MessageKey>> = {
  creating: 'charge.processing',
  challenging: 'card.challenging',
  redirecting: 'card.redirecting',
  finishing: 'charge.finishing',
  succeeded: 'return.succeeded',
};

/**
 * A drop-in PAY.JP checkout with charge-time 3-D Secure: card fields, the cardholder details PAY.JP
 * asks for, one pay button. The token is made in the browser; the server prices the order, creates
 * the charge with `three_d_secure=true` and finishes it after the issuer's challenge.
 */
export function PayjpCheckout({ order, split, submitLabel, onSucceeded, onFailed, tabKey, className, ...chargeOptions }: PayjpCheckoutProps) {
  const { t, errorMessage } = usePayjpContext('<PayjpCheckout>');
  const card = usePayjpCard();
  const charge = usePayjpCharge(chargeOptions);
  const [cardholder, setCardholder] = useState({ name: '', email: '', phone: '' });
  const [tokenError, setTokenError] = useState<ThreeDSecureError | null>(null);
  const [tokenizing, setTokenizing] = useState(false);
  const callbacks = useLatest({ onSucceeded, onFailed });
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  // [recovery] call site: cross-tab claim and settled record (keep: claim before start, report every state).
  const tab = useTabClaim(tabKey === false ? null : (tabKey ?? orderTabKey(order)));
  const paidBefore = Boolean(tab.settled) && charge.state !== 'succeeded';
  const elsewhere = tab.status === 'elsewhere' && !paidBefore;
  const busy = tokenizing || ['creating', 'challenging', 'redirecting', 'finishing'].includes(charge.state);
  const error = tokenError ?? charge.error;

  useEffect(() => {
    tab.report(charge.state, charge.charge?.id);
  }, [charge.state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per state

  useEffect(() => {
    if (charge.state === 'succeeded' && charge.charge) callbacks.current.onSucceeded?.(charge.charge);
    else if (charge.error && ['failed', 'expired', 'canceled', 'error'].includes(charge.state)) callbacks.current.onFailed?.(charge.error);
  }, [charge.state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per outcome

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || charge.state === 'succeeded' || paidBefore || elsewhere) return;
    setTokenError(null);
    setTokenizing(true);
    let token: string;
    try {
      token = (await card.createToken(cardholder, { requireCardholder: true })).id;
    } catch (cause) {
      const failure = toThreeDSecureError(cause, 'invalid_card');
      setTokenError(failure);
      callbacks.current.onFailed?.(failure);
      return;
    } finally {
      setTokenizing(false);
    }
    // A new token each time: PAY.JP tokens are single-use, and a failed charge may have used it.
    charge.reset();
    // [recovery] call site: another tab paying for this order → follow it instead of charging twice.
    if (!(await tab.claim())) return;
    await charge.start({ token, order });
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

  const statusKey = paidBefore ? 'return.succeeded' : elsewhere ? 'tab.busyElsewhere' : tokenizing ? 'charge.processing' : charge.stillConfirming && charge.state === 'finishing' ? 'confirm.stillConfirming' : STATUS_TEXT[charge.state];
  return (
    <form className={rootClass('r3k-checkout', className)} data-state={tokenizing ? 'tokenizing' : charge.state} data-tab={elsewhere ? 'elsewhere' : paidBefore ? 'settled' : undefined} onSubmit={submit} noValidate>
      <PayjpCardElement card={card.card} split={split ?? false} className="r3k-field" />
      {field('name', 'text', 'cc-name')}
      <p id={`${id}-hint`} className="r3k-hint">{t('cardholder.hint')}</p>
      {field('email', 'email', 'email')}
      {field('phone', 'tel', 'tel')}
      <button type="submit" className="r3k-button" disabled={busy || !card.ready || charge.state === 'succeeded' || paidBefore || elsewhere} aria-busy={busy}>
        {submitLabel ?? t('charge.pay')}
      </button>
      <StatusRegion status={statusKey ? t(statusKey) : ''} error={error} errorMessage={errorMessage} stillConfirming={charge.stillConfirming} />
      {charge.stillConfirming && charge.state === 'finishing' ? (
        // Stops waiting here; the attempt stays saved, so "check again" or a later visit picks it up.
        <button type="button" className="r3k-button r3k-button-secondary" onClick={charge.cancel}>
          {t('card.cancel')}
        </button>
      ) : null}
      {charge.resumable && !busy && !tokenError ? (
        <button type="button" className="r3k-button r3k-button-secondary" onClick={() => void charge.resume()}>
          {t('checkAgain')}
        </button>
      ) : null}
    </form>
  );
}
