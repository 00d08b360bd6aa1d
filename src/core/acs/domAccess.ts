// ACS markup is untrusted, and `<input name="elements">`, `<input name="getAttribute">` or
// `<form name="forms">` shadow DOM members on HTMLFormElement and Document (both have
// [LegacyOverrideBuiltIns] named properties). Read those objects through their prototypes only.

function readGetter<T>(prototype: object, key: string, target: object): T {
  const getter = Object.getOwnPropertyDescriptor(prototype, key)?.get;
  if (getter === undefined) throw new TypeError(`This DOM has no ${key} getter`);
  return getter.call(target) as T;
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
