'use client';
import { useId, useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import { normalizeCardholderName } from '../core/card/cardholderName';
import { ThreeDSecureError, toThreeDSecureError } from '../core/errors';
import type { KurocoOrderInput } from '../core/kuroco/types';
import { normalizePaygentCard, validatePaygentCard, type PaygentCardErrors } from '../core/paygent/card';
import { getPaygentMessage, type PaygentMessageKey, type PaygentMessageOverrides } from '../core/paygent/messages';
import { paygentResultInfo } from '../core/paygent/resultCodes';
import type { PaygentCardField, PaygentCardToken } from '../core/paygent/types';
import { describedBy, FieldMessage } from './internal/FieldMessage';
import { KurocoCheckout, type KurocoCheckoutProps } from './KurocoCheckout';
import { rootClass } from './internal/partClass';
import { useThreeDSecureContext } from './ThreeDSecureContext';
import { usePaygentToken, type UsePaygentTokenOptions } from './usePaygentToken';

/** Props of {@link PaygentCardForm}: Paygent's token settings, the order, and {@link KurocoCheckoutProps}' options. */
export interface PaygentCardFormProps extends Omit<KurocoCheckoutProps, 'order'> {
  /** Paygent's public token settings and where PaygentToken.js comes from. */
  paygent: UsePaygentTokenOptions;
  /** The order without `card_token` (the form adds it), or a function that builds it at click time. */
  order: KurocoOrderInput | (() => KurocoOrderInput | Promise<KurocoOrderInput>);
  /** Ask for the cardholder name (Paygent takes it as optional). @default true */
  requireName?: boolean;
  /** Replace some of the form's texts. The language is the provider's `locale`. */
  messages?: PaygentMessageOverrides;
  /** Called with each token created (masked number, expiry of the token; no card data). */
  onToken?(token: PaygentCardToken): void;
}

interface CardValues {
  card_number: string;
  expiry: string;
  cvc: string;
  name: string;
}

const EMPTY: CardValues = { card_number: '', expiry: '', cvc: '', name: '' };
const FIELD_ORDER: PaygentCardField[] = ['card_number', 'expire', 'cvc', 'name'];
const VALUE_OF: Record<PaygentCardField, keyof CardValues> = { card_number: 'card_number', expire: 'expiry', cvc: 'cvc', name: 'name' };

interface FieldProps {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  value: string;
  required: boolean;
  readOnly: boolean;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
  onBlur(): void;
  input: InputHTMLAttributes<HTMLInputElement>;
}

function Field({ id, label, hint, error, value, required, readOnly, onChange, onBlur, input }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="r3k-field" data-field={id}>
      <label className="r3k-label" htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        className="r3k-input"
        type="text"
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        required={required}
        readOnly={readOnly}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error && errorId)}
      />
      <p id={hintId} className="r3k-hint">
        {hint}
      </p>
      <FieldMessage id={errorId}>{error}</FieldMessage>
    </div>
  );
}

/**
 * An accessible card form for Kuroco EC × Paygent: the card fields (labels, autocomplete, per-field
 * errors) and a {@link KurocoCheckout} button that, at click time, checks the card, creates a
 * one-time Paygent token with PaygentToken.js and places the order with `card_token`. Card data
 * stays in this component: the inputs have no `name` (an enclosing form never posts them), nothing
 * is logged or stored, and the security code is cleared once tokenised.
 */
export function PaygentCardForm({ paygent, order, requireName = true, messages, onToken, className, disabled, ...checkout }: PaygentCardFormProps) {
  const { locale } = useThreeDSecureContext('<PaygentCardForm>', 'kuroco');
  const { createToken, status } = usePaygentToken(paygent);
  const [values, setValues] = useState<CardValues>(EMPTY);
  const [errors, setErrors] = useState<PaygentCardErrors>({});
  const [tokenizing, setTokenizing] = useState(false);
  const baseId = `paygent-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const text = (key: PaygentMessageKey) => getPaygentMessage(key, locale, messages);

  const checkCard = (current: CardValues) => {
    const card = normalizePaygentCard({ card_number: current.card_number, expiry: current.expiry, cvc: current.cvc, name: current.name });
    return { card, found: validatePaygentCard(card, { requireName }) };
  };

  const focusFirst = (found: PaygentCardErrors) => {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) document.getElementById(`${baseId}-${first}`)?.focus();
  };

  const change = (field: PaygentCardField) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setValues((current) => ({ ...current, [VALUE_OF[field]]: next }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  // Leaving a filled field shows a format problem at once; empty fields wait for the click.
  const blur = (field: PaygentCardField) => () => {
    // The name is shown as it will be sent: half-width, single spaces, upper case.
    if (field === 'name') {
      const name = normalizeCardholderName(values.name);
      if (name !== values.name) setValues((current) => ({ ...current, name }));
    }
    if (values[VALUE_OF[field]].trim() === '') return;
    const problem = checkCard(values).found[field];
    setErrors((current) => ({ ...current, [field]: problem }));
  };

  const buildOrder = async (): Promise<KurocoOrderInput> => {
    const { card, found } = checkCard(values);
    setValues((current) => ({ ...current, name: card.name ?? '' }));
    const invalid = FIELD_ORDER.filter((field) => found[field]);
    if (invalid.length > 0) {
      setErrors(found);
      focusFirst(found);
      throw new ThreeDSecureError('invalid_card', `The card form has errors: ${invalid.join(', ')}.`, { field: invalid[0] });
    }
    setTokenizing(true);
    try {
      const base = typeof order === 'function' ? await order() : order;
      const token = await createToken(card);
      // The security code is not needed again: a new token needs it typed again.
      setValues((current) => ({ ...current, cvc: '' }));
      onToken?.(token);
      return { ...base, card_token: token.token };
    } catch (cause) {
      const failure = toThreeDSecureError(cause, 'invalid_card');
      const field = failure.field as PaygentCardField | undefined;
      const message = failure.providerCode ? paygentResultInfo(failure.providerCode).message : undefined;
      if (failure.code === 'invalid_card' && field && FIELD_ORDER.includes(field) && message) {
        const found = { [field]: message } as PaygentCardErrors;
        setErrors(found);
        focusFirst(found);
      }
      throw failure;
    } finally {
      setTokenizing(false);
    }
  };

  const errorText = (field: PaygentCardField) => {
    const key = errors[field];
    return key ? text(key) : null;
  };
  const common = (field: PaygentCardField) => ({
    id: `${baseId}-${field}`,
    error: errorText(field),
    value: values[VALUE_OF[field]],
    // Read-only rather than disabled while tokenising, so focus can move to a field Paygent rejects.
    readOnly: tokenizing,
    onChange: change(field),
    onBlur: blur(field),
  });

  return (
    <div className={rootClass('r3k-paygent-form', className)} data-paygent-card-form="" data-status={tokenizing ? 'creating' : status}>
      <fieldset className="r3k-fieldset" disabled={disabled} aria-busy={tokenizing}>
        <legend className="r3k-legend">{text('paygent.legend')}</legend>
        <Field
          {...common('card_number')}
          label={text('paygent.cardNumber')}
          hint={text('paygent.cardNumberHint')}
          required
          input={{ autoComplete: 'cc-number', inputMode: 'numeric', maxLength: 23, spellCheck: false, autoCorrect: 'off' }}
        />
        <Field
          {...common('expire')}
          label={text('paygent.expiry')}
          hint={text('paygent.expiryHint')}
          required
          input={{ autoComplete: 'cc-exp', inputMode: 'numeric', maxLength: 9, placeholder: 'MM/YY', spellCheck: false }}
        />
        <Field
          {...common('cvc')}
          label={text('paygent.cvc')}
          hint={text('paygent.cvcHint')}
          required
          input={{ autoComplete: 'cc-csc', inputMode: 'numeric', maxLength: 4, spellCheck: false }}
        />
        <Field
          {...common('name')}
          label={text('paygent.name')}
          hint={text('paygent.nameHint')}
          required={requireName}
          input={{ autoComplete: 'cc-name', maxLength: 45, spellCheck: false, autoCapitalize: 'characters' }}
        />
      </fieldset>
      <p className="r3k-status" role="status" aria-live="polite">
        {tokenizing ? text('paygent.creating') : status === 'loading' ? text('paygent.loading') : ''}
      </p>
      <KurocoCheckout {...checkout} order={buildOrder} {...(disabled !== undefined ? { disabled } : {})} />
    </div>
  );
}
