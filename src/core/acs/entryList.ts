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
  for (const control of Array.from(formControls(form)) as Array<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>) {
    const name = readAttribute(control, 'name');
    // Unnamed controls, and button, fieldset, output, object (listed but never submitted without a submitter).
    if (!name || control.closest('datalist') !== null || control.matches(':disabled')) continue;
    const tag = control.localName;
    if (tag === 'select') {
      // `:disabled` covers an option inside a disabled optgroup.
      for (const option of Array.from(control.options)) if (option.selected && !option.matches(':disabled')) entries.push([name, option.value]);
      continue;
    }
    const type: string = control.type;
    if (tag === 'input') {
      if (BUTTON_INPUT_TYPES.has(type) || ((type === 'checkbox' || type === 'radio') && !control.checked)) continue;
      // No file is ever selected in parsed markup: a browser sends an empty file with an empty name.
      // `.value` is the sanitised value (number, email, color…) and "on" for a checkbox without value.
      entries.push([name, type === 'file' ? '' : type === 'hidden' && asciiLowercase(name) === '_charset_' ? 'UTF-8' : control.value]);
      if (!DIRNAME_INPUT_TYPES.has(type)) continue;
    } else if (tag === 'textarea') {
      entries.push([name, control.value]);
    } else {
      continue;
    }
    const dirname = readAttribute(control, 'dirname');
    if (dirname) entries.push([dirname, directionality(control)]);
  }
  return entries;
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
