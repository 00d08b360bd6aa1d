/** Body encodings a form can declare (`enctype`); anything else means urlencoded in a browser. */
export type AcsFormEnctype = 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';

/**
 * The ACS form, reduced to what a browser needs to submit it again. Produced by `parseAcsHtml`;
 * `submitAcsForm` rebuilds and submits it.
 */
export interface ParsedAcsForm {
  /** Absolute URL the form posts to, already checked against the action policy. */
  action: string;
  /** HTTP method of the form. */
  method: 'POST' | 'GET';
  /**
   * The entries a browser would submit for this form with no submitter button, in tree order:
   * names and values as the DOM reads them (entities decoded, duplicates kept).
   */
  fields: Array<[name: string, value: string]>;
  /** The form's `enctype`, normalised as a browser reads it; absent when the markup has none. */
  enctype?: AcsFormEnctype;
  /** The form's `accept-charset` attribute as written; absent when the markup has none. */
  acceptCharset?: string;
}

/** Options of `parseAcsHtml`. */
export interface ParseAcsHtmlOptions {
  /**
   * Origins the form may post to, e.g. `['https://acs.example.jp']`. Each entry is normalised with
   * `new URL(entry).origin`, so a trailing path is ignored; an entry that is not an absolute http(s)
   * URL throws `misconfigured`. When absent, any `https:` action is accepted. An empty list accepts
   * nothing. Listing a loopback `http:` origin (`http://localhost:5173`) allows that origin too, for
   * local development and the kit's sandbox.
   *
   * Only the first hop is checked: a listed action that answers 307/308 carries the POST body on
   * to wherever it points. To pin the whole redirect chain, send a page CSP with
   * `form-action <the same origins>`; the browser then refuses any hop outside it.
   */
  allowedActionOrigins?: readonly string[];
  /**
   * Base URL for a relative `action`. Default: `document.baseURI` of the page. A `<base href>`
   * inside the ACS HTML is ignored, so the markup cannot move a relative action to another host.
   */
  baseUrl?: string;
}

/** Options of `submitAcsForm`. */
export interface SubmitAcsFormOptions {
  /**
   * Browsing context to submit into: a frame or window name, or `_self`, `_top`, `_blank`, `_parent`.
   * Default: none, the current browsing context (a full-page navigation).
   */
  target?: string;
  /** Document to build the form in. Default: the global `document`. */
  document?: Document;
  /**
   * When given, the action must pass the same policy as `parseAcsHtml` (https, origin listed,
   * loopback http only when listed). Without it the action must still be an absolute `https:` or
   * `http:` URL: `javascript:`, `data:` and the like are always refused. Only the first hop is
   * checked; a CSP `form-action` pins the redirect chain (see `ParseAcsHtmlOptions`).
   */
  allowedActionOrigins?: readonly string[];
}
