import { ThreeDSecureError } from '../errors';

// ACS markup is untrusted, and `<input name="elements">`, `<input name="getAttribute">` or
// `<form name="forms">` shadow DOM members on HTMLFormElement and Document (both have
// [LegacyOverrideBuiltIns] named properties). Read those objects through their prototypes only.

// A DOM without the getter throws a TypeError here.
function readGetter<T>(prototype: object, key: string, target: object): T {
  return Object.getOwnPropertyDescriptor(prototype, key)!.get!.call(target) as T;
}

/** `element.getAttribute(name)`, immune to a form control named `getAttribute`. */
export function readAttribute(element: Element, name: string): string | null {
  return Element.prototype.getAttribute.call(element, name);
}

/** `document.forms`, immune to a form or image named `forms`. */
export function documentForms(document: Document): HTMLCollectionOf<HTMLFormElement> {
  return readGetter(Document.prototype, 'forms', document);
}

/** `form.elements`, immune to a control named `elements`. */
export function formControls(form: HTMLFormElement): HTMLFormControlsCollection {
  return readGetter(HTMLFormElement.prototype, 'elements', form);
}

/** `form.enctype` (normalised by the DOM), immune to a control named `enctype`. */
export function formEnctype(form: HTMLFormElement): string {
  return readGetter(HTMLFormElement.prototype, 'enctype', form);
}

/** ASCII lowercase, as HTML compares names (`toLowerCase` would also fold non-ASCII letters). */
export function asciiLowercase(value: string): string {
  return value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** The error for code that needs a browser, run outside one (server rendering). */
export function needsBrowser(caller: string, missing: string): ThreeDSecureError {
  return new ThreeDSecureError(
    'misconfigured',
    process.env.NODE_ENV !== 'production' ? `${caller} must run in a browser (no ${missing}): call it from an effect or an event handler.` : `${caller}: no ${missing}`,
  );
}
