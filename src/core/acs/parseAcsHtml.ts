import { ThreeDSecureError } from '../errors';
import { asciiLowercase, documentForms, formEnctype, needsBrowser, readAttribute } from './domAccess';
import { constructEntryList } from './entryList';
import { assertAllowedActionUrl, normalizeAllowedOrigins } from './isAllowedActionUrl';
import type { AcsFormEnctype, ParseAcsHtmlOptions, ParsedAcsForm } from './types';

/** The form Paygent's own script submits (`document.submitForm`). */
const PAYGENT_FORM_NAME = 'submitForm';

/**
 * Finds the form in an ACS HTML answer (Paygent's `out_acs_html`: a full document or a bare
 * `<form>`) and returns what submitting it would send: absolute action, method and the exact
 * entries a browser would build for it with no submitter.
 *
 * The HTML is parsed with `DOMParser` into an inert document, so nothing in it ever runs: no
 * script, inline handler, `meta` refresh, image load or nested frame. The form is the one named
 * (else with id) `submitForm`, otherwise the first form with a non-empty action.
 *
 * A relative action resolves against `options.baseUrl` (default: the page's `document.baseURI`);
 * a `<base href>` inside the HTML is ignored, so the markup cannot point a relative action at
 * another host.
 *
 * @throws {ThreeDSecureError} `acs_html_invalid` when there is no usable form (no form, no action,
 * a method other than GET/POST); `acs_action_not_allowed` when the action fails the policy of
 * {@link isAllowedActionUrl}; `misconfigured` outside a browser (no `DOMParser`) or for a malformed
 * `allowedActionOrigins` entry or `baseUrl`.
 */
export function parseAcsHtml(html: string, options: ParseAcsHtmlOptions = {}): ParsedAcsForm {
  const Parser = globalThis.DOMParser;
  if (typeof Parser !== 'function') throw needsBrowser('parseAcsHtml', 'DOMParser');
  const allowedOrigins = normalizeAllowedOrigins(options.allowedActionOrigins);
  const baseUrl = resolveBaseUrl(options.baseUrl);
  if (typeof html !== 'string') throw invalid('it is not a string');

  const document = new Parser().parseFromString(html, 'text/html');
  const form = selectAcsForm(document);
  const action = resolveAction(form, baseUrl);
  const method = readMethod(form);
  assertAllowedActionUrl(action, allowedOrigins);

  const parsed: ParsedAcsForm = { action, method, fields: constructEntryList(form) };
  if (readAttribute(form, 'enctype') !== null) parsed.enctype = formEnctype(form) as AcsFormEnctype;
  const acceptCharset = readAttribute(form, 'accept-charset');
  if (acceptCharset !== null && acceptCharset !== '') parsed.acceptCharset = acceptCharset;
  return parsed;
}

function selectAcsForm(document: Document): HTMLFormElement {
  const forms = Array.from(documentForms(document));
  const form =
    forms.find((candidate) => readAttribute(candidate, 'name') === PAYGENT_FORM_NAME) ??
    forms.find((candidate) => readAttribute(candidate, 'id') === PAYGENT_FORM_NAME) ??
    forms.find((candidate) => !isBlankUrl(readAttribute(candidate, 'action')));
  if (form === undefined) throw invalid(forms.length === 0 ? 'no <form>' : 'no form has an action');
  return form;
}

function resolveAction(form: HTMLFormElement, baseUrl: string | undefined): string {
  const action = readAttribute(form, 'action');
  if (isBlankUrl(action)) throw invalid('the form has no action');
  try {
    return new URL(action as string, baseUrl).href;
  } catch {
    throw invalid(`action ${JSON.stringify(action)} does not resolve against ${baseUrl ?? 'no base URL'}`);
  }
}

function readMethod(form: HTMLFormElement): ParsedAcsForm['method'] {
  const method = readAttribute(form, 'method');
  // A missing method attribute means GET in HTML; any present value must say GET or POST.
  if (method === null) return 'GET';
  // ASCII case-insensitive, as browsers match it (`toUpperCase` would turn "poſt" into "POST").
  const name = asciiLowercase(method);
  if (name === 'post' || name === 'get') return name === 'post' ? 'POST' : 'GET';
  throw invalid(`method ${JSON.stringify(method)} is not GET or POST`);
}

function resolveBaseUrl(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return globalThis.document?.baseURI;
  try {
    return new URL(baseUrl).href;
  } catch {
    throw new ThreeDSecureError('misconfigured', `parseAcsHtml: baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL.`);
  }
}

// The URL parser strips leading and trailing C0 controls and spaces, so such an action is empty.
function isBlankUrl(value: string | null): boolean {
  if (value === null) return true;
  for (const character of value) if (character > ' ') return false;
  return true;
}

function invalid(reason: string): ThreeDSecureError {
  return new ThreeDSecureError('acs_html_invalid', `The ACS HTML has no form to submit: ${reason}.`);
}
