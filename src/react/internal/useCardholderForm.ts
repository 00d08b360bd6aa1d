import { useState } from 'react';
import { validateCardholderEmail } from '../../core/card/cardholderEmail';
import { validateCardholderName } from '../../core/card/cardholderName';
import { validateCardholderPhone } from '../../core/card/cardholderPhone';
import type { CardFormMessageKey } from '../../core/card/cardFormMessages';
import { validateCardholder, type CardholderField, type CardholderInput } from '../../core/card/validateCardholder';

/** A field of the cardholder part of a PAY.JP form. */
export type CardholderFormField = CardholderField | 'consent';

export interface CardholderForm {
  values: Required<CardholderInput>;
  /** Each field's problem, from the last blur or submit. */
  errors: Partial<Record<CardholderFormField, CardFormMessageKey>>;
  /** The consent box is ticked (always true when the form has none). */
  agreed: boolean;
  change(field: CardholderField, value: string): void;
  /** Normalises the field and shows a problem at once, unless it is empty (empty waits for submit). */
  blur(field: CardholderField): void;
  setAgreed(agreed: boolean): void;
  /** Normalises and checks everything: the normalised details when they can be sent, else the fields at fault in form order. */
  check(): { ok: true; values: Required<CardholderInput> } | { ok: false; invalid: CardholderFormField[] };
}

const CHECK_ONE = { name: validateCardholderName, email: validateCardholderEmail, phone: validateCardholderPhone } as const;

/** The order focus goes to on a failed submit. */
export const CARDHOLDER_FIELD_ORDER: readonly CardholderFormField[] = ['name', 'email', 'phone', 'consent'];

/**
 * State of the cardholder details PAY.JP needs for 3-D Secure (name, e-mail or phone) and of the
 * optional consent box: normalised on blur and on submit, checked by the core rules.
 */
export function useCardholderForm({ consent }: { consent: boolean }): CardholderForm {
  const [values, setValues] = useState<Required<CardholderInput>>({ name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<CardholderForm['errors']>({});
  const [agreed, setAgreedState] = useState(false);

  return {
    values,
    errors,
    agreed: !consent || agreed,
    change(field, value) {
      setValues((current) => ({ ...current, [field]: value }));
      // Typing fixes this field; a phone typed also answers "e-mail or phone" shown on the e-mail.
      setErrors((current) => {
        const next = { ...current };
        delete next[field];
        if (field === 'phone' && next.email === 'contact.required') delete next.email;
        return next;
      });
    },
    blur(field) {
      const check = CHECK_ONE[field](values[field]);
      if (check.value !== values[field]) setValues((current) => ({ ...current, [field]: check.value }));
      if (check.value === '') return;
      setErrors((current) => {
        const next = { ...current };
        if (check.ok) delete next[field];
        else next[field] = check.code;
        return next;
      });
    },
    setAgreed(next) {
      setAgreedState(next);
      if (next)
        setErrors((current) => {
          const rest = { ...current };
          delete rest.consent;
          return rest;
        });
    },
    check() {
      const result = validateCardholder(values);
      setValues(result.values);
      const found: CardholderForm['errors'] = { ...result.errors };
      if (consent && !agreed) found.consent = 'consent.required';
      setErrors(found);
      const invalid = CARDHOLDER_FIELD_ORDER.filter((field) => found[field] !== undefined);
      return invalid.length === 0 ? { ok: true, values: result.values } : { ok: false, invalid };
    },
  };
}
