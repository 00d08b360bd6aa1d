import { ThreeDSecureError } from '../errors';
import { asciiLowercase, documentForms, formEnctype, needsBrowser, readAttribute } from './domAccess';
import { constructEntryList } from './entryList';
import { assertAllowedActionUrl, normalizeAllowedOrigins } from './isAllowedActionUrl';
import type { AcsFormEnctype, ParseAcsHtmlOptions, ParsedAcsForm } from './types';

/** The form Paygent's own script submits (`document.submitForm`). */
const PAYGENT_FORM_NAME = 'submitForm';

/**
 * Longest `out_acs_html` the kit parses, in UTF-16 code units (64 Ki). Real ones are 1–2 KiB;
 * deeply nested markup makes `DOMParser` block the page for seconds, so larger input is refused
 * before it is parsed.
 */
export const ACS_HTML_MAX_LENGTH = 65_536;

/**
 * Finds the form in an ACS HTML answer (Paygent's `out_acs_html`: a full document or a bare
 * `<form>`) and returns what submitting it would send: absolute action, method and the exact
 * entries a browser would build for it with no submitter.
 *
 * The HTML is parsed with `DOMParser` into an inert document, so nothing in it ever runs: no
 * script, inline handler, `meta` refresh, image load or nested frame. The form is the one named
 * (else with id) `submitForm`, otherwise the first form with a non-empty action. It is chosen as the
 * page's own script would see it: `DOMParser` parses with scripting off, which makes `<noscript>`
 * content live markup, so `<noscript>` and `<template>` subtrees are dropped first; two forms named
 * `submitForm` (where the page's own `document.submitForm.submit()` would throw) are refused.
 *
 * A relative action resolves against `options.baseUrl` (default: the page's `document.baseURI`);
 * a `<base href>` inside the HTML is ignored, so the markup cannot point a relative action at
 * another host.
 *
 * @throws {ThreeDSecureError} `acs_html_invalid` when the HTML is longer than
 * {@link ACS_HTML_MAX_LENGTH} (checked before parsing), or has no usable form (no form, no action,
 * a method other than GET/POST, two forms named `submitForm`); `acs_action_not_allowed` when the action fails the policy of
 * {@link isAllowedActionUrl}; `misconfigured` outside a browser (no `DOMParser`) or for a malformed
 * `allowedActionOrigins` entry or `baseUrl`.
 */
export function parseAcsHtml(html: string, options: ParseAcsHtmlOptions = {}): ParsedAcsForm {
  const Parser = globalThis.DOMParser;
  if (typeof Parser !== 'function') throw needsBrowser('parseAcsHtml', 'DOMParser');
  const allowedOrigins = normalizeAllowedOrigins(options.allowedActionOrigins);
  const baseUrl = resolveBaseUrl(options.baseUrl);
  if (typeof html !== 'string') throw invalid('it is not a string');
  if (html.length > ACS_HTML_MAX_LENGTH) throw invalid(`it is ${html.length} characters long, above the ${ACS_HTML_MAX_LENGTH} the kit parses`);

  const document = new Parser().parseFromString(html, 'text/html');
  dropInertSubtrees(document);
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

// With scripting on (the page Paygent meant), `<noscript>` holds text and `<template>` an inert
// fragment: neither has a form the page's own script could submit.
function dropInertSubtrees(document: Document): void {
  for (const element of Array.from(Document.prototype.querySelectorAll.call(document, 'noscript, template'))) Element.prototype.remove.call(element);
}

function selectAcsForm(document: Document): HTMLFormElement {
  const forms = Array.from(documentForms(document));
  const form =
    onlyOne(forms.filter((candidate) => readAttribute(candidate, 'name') === PAYGENT_FORM_NAME), 'name') ??
    onlyOne(forms.filter((candidate) => readAttribute(candidate, 'id') === PAYGENT_FORM_NAME), 'id') ??
    forms.find((candidate) => !isBlankUrl(readAttribute(candidate, 'action')));
  if (form === undefined) throw invalid(forms.length === 0 ? 'no <form>' : 'no form has an action');
  return form;
}

// Two candidates leave the choice to guesswork (and make the page's own script throw): refuse.
function onlyOne(candidates: HTMLFormElement[], attribute: 'name' | 'id'): HTMLFormElement | undefined {
  if (candidates.length > 1) throw invalid(`${candidates.length} forms have the ${attribute} "${PAYGENT_FORM_NAME}"`);
  return candidates[0];
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
