import type { ReactNode } from 'react';
import type { CardFormMessageKey } from '../../core/card/cardFormMessages';
import type { CardholderField } from '../../core/card/validateCardholder';
import { describedBy, FieldMessage } from './FieldMessage';
import type { CardholderForm } from './useCardholderForm';

export interface CardholderFieldsProps {
  /** The form's id prefix: inputs get `${id}-name`, `${id}-email`, `${id}-phone`, `${id}-consent`. */
  id: string;
  form: CardholderForm;
  /** A field PAY.JP refused when the token was made (it has no message of the form's own). */
  rejected?: { field: CardholderField; key: CardFormMessageKey } | null;
  /** Labels and the hint, from the shared catalog. */
  labels: Record<CardholderField | 'hint', string>;
  text(key: CardFormMessageKey): string;
  /** Given: a consent box that must be ticked before paying, with this label. */
  consentLabel?: ReactNode;
  readOnly?: boolean;
}

const INPUT = {
  name: { type: 'text', autoComplete: 'cc-name', autoCapitalize: 'characters', spellCheck: false },
  email: { type: 'email', autoComplete: 'email', inputMode: 'email', spellCheck: false },
  phone: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
} as const;

/**
 * The cardholder details PAY.JP needs for 3-D Secure, each with its message under it, and the
 * optional consent box. "E-mail or phone" is shown once, under the e-mail; the phone points at it.
 */
export function CardholderFields({ id, form, rejected, labels, text, consentLabel, readOnly }: CardholderFieldsProps) {
  const hintId = `${id}-hint`;
  const messageOf = (field: CardholderField) => {
    const key = form.errors[field] ?? (rejected?.field === field ? rejected.key : undefined);
    return key ? text(key) : null;
  };
  const contactMissing = form.errors.email === 'contact.required';

  const field = (name: CardholderField) => {
    const inputId = `${id}-${name}`;
    const message = messageOf(name);
    const invalid = message !== null || (name === 'phone' && contactMissing);
    return (
      <div className="r3k-field" data-field={name}>
        <label className="r3k-label" htmlFor={inputId}>{labels[name]}</label>
        <input
          {...INPUT[name]}
          id={inputId}
          className="r3k-input"
          name={name}
          value={form.values[name]}
          readOnly={readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(name !== 'name' && hintId, message !== null && `${inputId}-error`, name === 'phone' && contactMissing && `${id}-email-error`)}
          onChange={(event) => form.change(name, event.target.value)}
          onBlur={() => form.blur(name)}
        />
        <FieldMessage id={`${inputId}-error`}>{message}</FieldMessage>
      </div>
    );
  };

  const consentId = `${id}-consent`;
  const consentMessage = form.errors.consent ? text(form.errors.consent) : null;
  return (
    <>
      {field('name')}
      <p id={hintId} className="r3k-hint">
        {labels.hint}
      </p>
      {field('email')}
      {field('phone')}
      {consentLabel !== undefined ? (
        <div className="r3k-field" data-field="consent">
          <input
            id={consentId}
            name="consent"
            type="checkbox"
            checked={form.agreed}
            disabled={readOnly}
            aria-required
            aria-invalid={consentMessage !== null || undefined}
            aria-describedby={describedBy(consentMessage !== null && `${consentId}-error`)}
            onChange={(event) => form.setAgreed(event.target.checked)}
          />
          <label htmlFor={consentId}>{consentLabel}</label>
          <FieldMessage id={`${consentId}-error`}>{consentMessage}</FieldMessage>
        </div>
      ) : null}
    </>
  );
}
