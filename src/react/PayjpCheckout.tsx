'use client';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { getCardFormMessage, type CardFormMessageKey, type CardFormMessageOverrides } from '../core/card/cardFormMessages';
import { payjpFieldError, type PayjpCardField } from '../core/card/payjpCardFieldError';
import { ThreeDSecureError, toThreeDSecureError } from '../core/errors';
import type { MessageKey } from '../core/messages';
import type { ChargeSummary } from '../core/payjp/protocol';
import { rootClass } from './internal/partClass';
import { StatusRegion } from './internal/StatusRegion';
import { useFailureCallback } from './internal/useFailureCallback';
import { CardholderFields } from './internal/CardholderFields';
import { useCardholderForm } from './internal/useCardholderForm';
import type { CardholderInput } from '../core/card/validateCardholder';
import { PayjpCardElement } from './PayjpCardElement';
import { usePayjpCard } from './usePayjpCard';
import { usePayjpCharge, type UsePayjpChargeOptions } from './usePayjpCharge';
import { usePayjpContext } from './ThreeDSecureProvider';
import { orderTabKey } from '../core/recovery/settledRecords';
import { useTabClaim } from './useTabClaim';

/** Props of {@link PayjpCheckout}: the order, the form's options, and the charge flow's settings. */
export interface PayjpCheckoutProps extends Omit<UsePayjpChargeOptions, 'onSucceeded' | 'onFailed'> {
  /** Your reference to what is bought (a cart id); the server prices it. Never an amount. */
  order: unknown;
  /** Split card fields. @default false */
  split?: boolean;
  /** The pay button's label. @default 「支払う」 */
  submitLabel?: ReactNode;
  /** Called once when the charge is paid. */
  onSucceeded?(charge: ChargeSummary): void;
  /** Called on each failure, including cardholder details refused before anything is sent (`invalid_card` with `field`). */
  onFailed?(error: ThreeDSecureError): void;
  /** @deprecated Alias of `onFailed` (the Kuroco components' former name). Given both, only `onFailed` is called and development builds warn. */
  onError?(error: ThreeDSecureError): void;
  /**
   * One payment per order across tabs, and the paid result after the back button: tabs with the
   * same key coordinate (see README "Two tabs and the back button"). `false` turns it off.
   * @default a key made from `order`
   */
  tabKey?: string | false;
  /**
   * Shows a consent box that must be ticked before paying (left out: no box). `label` replaces the
   * default text, which says the name, e-mail and phone go to the card issuer through PAY.JP for
   * 3-D Secure. PAY.JP's exact wording is not in the kit's sources: use your own privacy wording.
   */
  consent?: PayjpCheckoutConsent;
  /** Replace some of the fields' texts (messages under the fields, the consent label). The language is the provider's `locale`. */
  fieldMessages?: CardFormMessageOverrides;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

/** The consent box of {@link PayjpCheckoutProps.consent}. */
export interface PayjpCheckoutConsent {
  /** @default 「入力したカード名義・メールアドレス・電話番号を、本人認証（3Dセキュア）のために PAY.JP を通じてカード発行会社へ提供することに同意します。」 */
  label?: ReactNode;
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
export function PayjpCheckout({ order, split, submitLabel, onSucceeded, onFailed: onFailedProp, onError, tabKey, consent, fieldMessages, className, ...chargeOptions }: PayjpCheckoutProps) {
  const onFailed = useFailureCallback('<PayjpCheckout>', onFailedProp, onError);
  const { t, errorMessage, locale } = usePayjpContext('<PayjpCheckout>');
  const card = usePayjpCard();
  // The flow fires the callbacks itself, once per outcome, with these (the latest) props.
  const charge = usePayjpCharge({
    ...chargeOptions,
    onSucceeded: (snapshot) => snapshot.result && onSucceeded?.(snapshot.result),
    onFailed: (error) => onFailed?.(error),
  });
  const cardholder = useCardholderForm({ consent: consent !== undefined });
  // The failure of this form's own token (shown under its field); the charge flow reports it as its error.
  const [tokenError, setTokenError] = useState<ThreeDSecureError | null>(null);
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  // [recovery] call site: cross-tab claim and settled record (keep: claim before start, report every state).
  const tab = useTabClaim(tabKey === false ? null : (tabKey ?? orderTabKey(order)));
  const paidBefore = Boolean(tab.settled) && charge.status !== 'succeeded';
  const elsewhere = tab.status === 'elsewhere' && !paidBefore;
  const { error, step, isBusy } = charge;

  useEffect(() => {
    tab.report(charge.state, charge.result?.id);
  }, [charge.state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per state

  // The token of one run, made when the charge flow starts it: a failure is shown under its field;
  // then the tab claim, so another tab paying for this order is followed, not charged twice.
  const tokenFor = (values: Required<CardholderInput>) => async () => {
    let token: string;
    try {
      token = (await card.createToken(values, { requireCardholder: true })).id;
    } catch (cause) {
      const failure = toThreeDSecureError(cause, 'invalid_card');
      setTokenError(failure);
      throw failure;
    }
    // [recovery] call site: claim before the charge is created; another tab has it → this run goes back to idle.
    if (!(await tab.claim())) {
      charge.reset();
      throw new ThreeDSecureError('canceled', 'Another tab is paying for this order');
    }
    return token;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isBusy || charge.status === 'succeeded' || paidBefore || elsewhere) return;
    setTokenError(null);
    // Checked here so that each problem is named under its field, not as "card details are wrong".
    const details = cardholder.check();
    if (!details.ok) {
      document.getElementById(`${id}-${details.invalid[0]}`)?.focus();
      onFailed?.(new ThreeDSecureError('invalid_card', `The cardholder details have errors: ${details.invalid.join(', ')}.`, { field: details.invalid[0] }));
      return;
    }
    // The charge flow tokenises, then charges: a new token each run (PAY.JP tokens are single-use).
    void charge.start({ token: tokenFor(details.values), order });
  };

  // Card errors go under the field they concern (payjs's live check, or PAY.JP's answer at token time).
  const text = (key: CardFormMessageKey) => getCardFormMessage(key, locale, fieldMessages);
  const tokenField = payjpFieldError(tokenError);
  const liveField = payjpFieldError(card.error);
  const cardErrors: Partial<Record<PayjpCardField, string>> = {};
  for (const found of [liveField, tokenField]) if (found && isCardField(found.field)) cardErrors[found.field] = text(found.key);
  const rejected = tokenField && !isCardField(tokenField.field) ? { field: tokenField.field, key: tokenField.key } : null;
  // A field's own message says it all; the alert is for what no field explains.
  const alertError = tokenField ? null : error;

  const statusKey = paidBefore
    ? 'return.succeeded'
    : elsewhere
      ? 'tab.busyElsewhere'
      : charge.status === 'succeeded'
        ? 'return.succeeded'
        : charge.stillConfirming && step === 'confirming'
          ? 'confirm.stillConfirming'
          : step && STATUS_TEXT[step];
  return (
    <form className={rootClass('r3k-checkout', className)} data-state={charge.state} data-tab={elsewhere ? 'elsewhere' : paidBefore ? 'settled' : undefined} onSubmit={submit} noValidate>
      <PayjpCardElement card={card.card} split={split ?? false} errors={cardErrors} className="r3k-field" />
      <CardholderFields
        id={id}
        form={cardholder}
        rejected={rejected}
        labels={{ name: t('cardholder.name'), email: t('cardholder.email'), phone: t('cardholder.phone'), hint: t('cardholder.hint') }}
        text={text}
        {...(consent ? { consentLabel: consent.label ?? text('consent.label') } : {})}
      />
      <button type="submit" className="r3k-button" disabled={isBusy || !card.ready || charge.status === 'succeeded' || paidBefore || elsewhere} aria-busy={isBusy}>
        {submitLabel ?? t('charge.pay')}
      </button>
      <StatusRegion status={statusKey ? t(statusKey) : ''} error={alertError} errorMessage={errorMessage} stillConfirming={charge.stillConfirming} />
      {charge.stillConfirming && step === 'confirming' ? (
        // Stops waiting here; the attempt stays saved, so "check again" or a later visit picks it up.
        <button type="button" className="r3k-button r3k-button-secondary" onClick={charge.cancel}>
          {t('card.cancel')}
        </button>
      ) : null}
      {charge.resumable && !isBusy && !tokenError ? (
        <button type="button" className="r3k-button r3k-button-secondary" onClick={() => void charge.resume()}>
          {t('checkAgain')}
        </button>
      ) : null}
    </form>
  );
}

function isCardField(field: string): field is PayjpCardField {
  return field === 'card' || field === 'number' || field === 'expiry' || field === 'cvc';
}
