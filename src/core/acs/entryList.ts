import { asciiLowercase, formControls, readAttribute } from './domAccess';

type Entry = [name: string, value: string];

// Buttons are submitted only as the submitter, and a rebuilt form has none.
const BUTTON_INPUT_TYPES = new Set(['submit', 'image', 'reset', 'button']);

// "Auto-directionality form-associated elements" that can carry `dirname` (buttons never reach it).
const DIRNAME_INPUT_TYPES = new Set(['hidden', 'text', 'search', 'tel', 'url', 'email', 'password']);

/**
 * The entries a browser submits for `form` with no submitter: the HTML standard's "constructing the
 * entry list", read from the DOM's own state (form owner, checkedness, selectedness, sanitised
 * values), with files as empty strings and `_charset_` as UTF-8.
 */
export function constructEntryList(form: HTMLFormElement): Entry[] {
  const entries: Entry[] = [];
  for (const control of Array.from(formControls(form))) {
    if (control.closest('datalist') !== null || control.matches(':disabled')) continue;
    switch (control.localName) {
      case 'input':
        appendInputEntries(control as HTMLInputElement, entries);
        break;
      case 'select':
        appendSelectEntries(control as HTMLSelectElement, entries);
        break;
      case 'textarea':
        appendTextareaEntries(control as HTMLTextAreaElement, entries);
        break;
      default:
      // button, fieldset, output, object: listed but never submitted without a submitter.
    }
  }
  return entries;
}

function controlName(control: Element): string | undefined {
  const name = readAttribute(control, 'name');
  return name === null || name === '' ? undefined : name;
}

function appendInputEntries(input: HTMLInputElement, entries: Entry[]): void {
  const type = input.type;
  if (BUTTON_INPUT_TYPES.has(type)) return;
  if ((type === 'checkbox' || type === 'radio') && !input.checked) return;
  const name = controlName(input);
  if (name === undefined) return;
  if (type === 'file') {
    // No file is ever selected in parsed markup: a browser sends an empty file with an empty name.
    entries.push([name, '']);
  } else if (type === 'hidden' && asciiLowercase(name) === '_charset_') {
    entries.push([name, 'UTF-8']);
  } else {
    // `.value` is the sanitised value (number, email, color…) and "on" for a checkbox without value.
    entries.push([name, input.value]);
  }
  if (DIRNAME_INPUT_TYPES.has(type)) appendDirname(input, entries);
}

function appendSelectEntries(select: HTMLSelectElement, entries: Entry[]): void {
  const name = controlName(select);
  if (name === undefined) return;
  for (const option of Array.from(select.options)) {
    // `:disabled` covers an option inside a disabled optgroup.
    if (option.selected && !option.matches(':disabled')) entries.push([name, option.value]);
  }
}

function appendTextareaEntries(textarea: HTMLTextAreaElement, entries: Entry[]): void {
  const name = controlName(textarea);
  if (name === undefined) return;
  entries.push([name, textarea.value]);
  appendDirname(textarea, entries);
}

function appendDirname(control: HTMLInputElement | HTMLTextAreaElement, entries: Entry[]): void {
  const dirname = readAttribute(control, 'dirname');
  if (dirname === null || dirname === '') return;
  entries.push([dirname, directionality(control)]);
}

function directionality(control: Element): 'ltr' | 'rtl' {
  try {
    return control.matches(':dir(rtl)') ? 'rtl' : 'ltr';
  } catch {
    // Engines without `:dir()` (Chromium < 120): the nearest explicit `dir` decides; `auto` is not resolved.
    const dir = control.closest('[dir]')?.getAttribute('dir')?.toLowerCase();
    return dir === 'rtl' ? 'rtl' : 'ltr';
  }
}
