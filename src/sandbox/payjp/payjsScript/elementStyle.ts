import { digitsOf } from './cardFields';

/** An element's `style` option (TYPEDEF's keys): CSS properties per state. */
export type ElementStyle = Partial<Record<'base' | StyleState, Record<string, unknown>>>;

type StyleState = 'empty' | 'complete' | 'invalid';

const STYLE_STATES: readonly StyleState[] = ['empty', 'complete', 'invalid'];

function partOf(style: unknown, name: 'base' | StyleState): Record<string, unknown> {
  const part = style && typeof style === 'object' ? (style as Record<string, unknown>)[name] : undefined;
  return part && typeof part === 'object' ? (part as Record<string, unknown>) : {};
}

/** style { base, empty, complete, invalid }: base, then the states that hold. */
export function applyStyle(input: HTMLInputElement, style: unknown, states: Record<StyleState, boolean>): void {
  const set = (key: string, value: unknown) => {
    if (key.startsWith(':') || (typeof value !== 'string' && typeof value !== 'number')) return;
    if (key.includes('-')) input.style.setProperty(key, String(value));
    else (input.style as unknown as Record<string, string>)[key] = String(value);
  };
  const base = partOf(style, 'base');
  // A state's property that no longer holds goes back to nothing (unless base sets it).
  for (const state of STYLE_STATES) {
    for (const key of Object.keys(partOf(style, state))) if (!Object.prototype.hasOwnProperty.call(base, key)) set(key, '');
  }
  for (const [key, value] of Object.entries(base)) set(key, value);
  for (const state of STYLE_STATES) {
    if (!states[state]) continue;
    for (const [key, value] of Object.entries(partOf(style, state))) set(key, value);
  }
}

/** Sets a formatted value, keeping the caret after the same number of digits. */
export function setFormatted(input: HTMLInputElement, formatted: string): void {
  if (input.value === formatted) return;
  const caret = input.selectionStart;
  const atEnd = caret === null || caret >= input.value.length;
  const digitsBefore = caret === null ? 0 : digitsOf(input.value.slice(0, caret)).length;
  input.value = formatted;
  if (atEnd || document.activeElement !== input) return;
  let position = 0;
  let seen = 0;
  while (position < formatted.length && seen < digitsBefore) {
    if (/\d/.test(formatted.charAt(position))) seen += 1;
    position += 1;
  }
  try {
    input.setSelectionRange(position, position);
  } catch {
    // not a text input
  }
}
