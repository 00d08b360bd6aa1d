import { brandOf, formatExpiry, formatNumber, type FieldValues } from './cardFields';
import type { Field, FieldText } from './fieldText';

const AUTOCOMPLETE: Record<Field, string> = { number: 'cc-number', expiry: 'cc-exp', cvc: 'cc-csc' };
const PLACEHOLDER: Record<Field, string> = { number: '1234 5678 9012 3456', expiry: 'MM / YY', cvc: 'CVC' };
const MAX_LENGTH: Record<Field, number> = { number: 23, expiry: 9, cvc: 4 };

let elementSeq = 0;

/** A new, unique id prefix for the inputs of one rendering. */
export function nextElementId(): string {
  elementSeq += 1;
  return `payjs-sandbox-${elementSeq}`;
}

/** A field's value as shown: grouped number, 'MM / YY', plain cvc. */
export function displayValue(field: Field, values: FieldValues): string {
  if (field === 'number') return formatNumber(values.number, brandOf(values.number));
  return field === 'expiry' ? formatExpiry(values.expiry) : values.cvc;
}

/** One labelled input; `single` elements may take the page's placeholder. */
export function createFieldBox(field: Field, id: string, text: FieldText, placeholder: string | null, single: boolean) {
  const box = document.createElement('div');
  box.style.cssText = `display:flex;flex-direction:column;gap:2px;${field === 'number' ? 'flex:2 1 12em' : 'flex:1 1 6em'}`;
  const label = document.createElement('label');
  label.setAttribute('for', id);
  label.textContent = text[field];
  const input = document.createElement('input');
  input.id = id;
  input.type = 'text';
  input.setAttribute('inputmode', 'numeric');
  input.setAttribute('autocomplete', AUTOCOMPLETE[field]);
  input.setAttribute('data-payjs-field', field);
  input.setAttribute('spellcheck', 'false');
  input.setAttribute('aria-invalid', 'false');
  input.maxLength = MAX_LENGTH[field];
  // No name: the card data must never be posted with the shop's own form.
  input.placeholder = single && placeholder !== null ? placeholder : PLACEHOLDER[field];
  input.style.cssText = 'font:inherit;padding:6px 8px;border:1px solid #888;border-radius:4px;min-width:0';
  box.appendChild(label);
  box.appendChild(input);
  return { box, input };
}
