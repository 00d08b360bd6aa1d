import { ThreeDSecureError } from '../errors';
import { asciiLowercase, needsBrowser } from './domAccess';
import { assertAllowedActionUrl, normalizeAllowedOrigins, refused } from './isAllowedActionUrl';
import type { ParsedAcsForm, SubmitAcsFormOptions } from './types';

/**
 * Builds a fresh, hidden `<form>` from a parsed ACS form (one `<input type="hidden">` per field,
 * in order, duplicates kept), appends it to `document.body` and submits it once: a full-page navigation by
 * default, or into `options.target`. Returns the form element, which stays in the document.
 *
 * Nothing from the original markup is reused: only the action, method, encoding and the field
 * names and values. Submission goes through `HTMLFormElement.prototype.submit`, so a field named
 * `submit` or `action` cannot shadow it.
 *
 * @throws {ThreeDSecureError} `acs_action_not_allowed` when the action is not an absolute http(s)
 * URL (or fails `options.allowedActionOrigins`); `acs_html_invalid` when `form` is not a
 * {@link ParsedAcsForm}; `misconfigured` without a document (server rendering).
 */
export function submitAcsForm(form: ParsedAcsForm, options: SubmitAcsFormOptions = {}): HTMLFormElement {
  const document = options.document ?? globalThis.document;
  if (document === undefined) throw needsBrowser('submitAcsForm', 'document');
  checkParsedForm(form);
  checkAction(form.action, options.allowedActionOrigins);
  return submitParsedForm(form, options.target, document);
}

/**
 * `submitAcsForm` without its checks, for a value `parseAcsHtml` has just produced (it holds what
 * they check, and stricter: the action policy): `<AcsFormAutoSubmit>` uses it. Internal.
 */
export function submitParsedForm(form: ParsedAcsForm, target: string | undefined, document: Document = globalThis.document): HTMLFormElement {
  const container = document.body ?? document.documentElement;
  if (container === null) throw new ThreeDSecureError('misconfigured', 'submitAcsForm: the document has no body.');

  const element = document.createElement('form');
  // Every attribute is set before the fields exist: afterwards a field named `action`,
  // `setAttribute` or `append` would shadow the form's own members.
  element.setAttribute('method', form.method.toLowerCase());
  element.setAttribute('action', form.action);
  if (target) element.setAttribute('target', target);
  if (form.enctype !== undefined) element.setAttribute('enctype', form.enctype);
  if (form.acceptCharset !== undefined) element.setAttribute('accept-charset', form.acceptCharset);
  element.hidden = true;
  element.style.setProperty('display', 'none', 'important');

  const controls = document.createDocumentFragment();
  for (const [name, value] of form.fields) controls.append(createFieldControl(document, name, value));
  element.append(controls);
  container.append(element);

  // The prototype of the document's own realm, in case `options.document` belongs to a frame.
  const FormElement = document.defaultView?.HTMLFormElement ?? HTMLFormElement;
  FormElement.prototype.submit.call(element);
  return element;
}

/**
 * A hidden input carrying `[name, value]` as is. Exception: browsers overwrite the value of a hidden
 * input named `_charset_` with the form's encoding, so such a field with any other value than that
 * (UTF-8) came from a visible control and is rebuilt as a textarea, which keeps its value.
 */
function createFieldControl(document: Document, name: string, value: string): HTMLInputElement | HTMLTextAreaElement {
  if (value !== 'UTF-8' && asciiLowercase(name) === '_charset_') {
    const textarea = document.createElement('textarea');
    textarea.name = name;
    textarea.value = value;
    return textarea;
  }
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  input.value = value;
  return input;
}

// A hand-made value is checked as closely as a parsed one.
function checkParsedForm(form: ParsedAcsForm): void {
  const candidate = form as Partial<Record<keyof ParsedAcsForm, unknown>> | null;
  const method = typeof candidate?.method === 'string' ? candidate.method.toLowerCase() : '';
  const isString = (value: unknown) => typeof value === 'string';
  const wellFormed =
    typeof candidate === 'object' &&
    candidate !== null &&
    isString(candidate.action) &&
    (method === 'post' || method === 'get') &&
    Array.isArray(candidate.fields) &&
    candidate.fields.every((field: unknown) => Array.isArray(field) && field.length === 2 && isString(field[0]) && isString(field[1])) &&
    [candidate.enctype, candidate.acceptCharset].every((value) => value === undefined || isString(value));
  if (!wellFormed) {
    throw new ThreeDSecureError('acs_html_invalid', 'submitAcsForm needs a form from parseAcsHtml: string action, POST or GET method, [name, value] string pairs.');
  }
}

// A parsed value may be hand-made, so the action is checked again: never a script-bearing URL.
function checkAction(action: string, allowedActionOrigins: readonly string[] | undefined): void {
  if (allowedActionOrigins !== undefined) return assertAllowedActionUrl(action, normalizeAllowedOrigins(allowedActionOrigins));
  let protocol: string | undefined;
  try {
    protocol = new URL(action).protocol;
  } catch {
    // Not an absolute URL.
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw refused(action, 'only absolute http(s) URLs can be submitted');
}
