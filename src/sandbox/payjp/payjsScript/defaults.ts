/** The stand-in pay.js options written into the served script (the page's query overrides them). */
export interface PayjsDefaults {
  payjsOverlay: 'body-child' | 'foreign-frame' | 'container';
  payjsHelperFrames: boolean;
  payjsRejection: 'error' | 'object' | 'nested' | 'undefined';
  payjsLanguage: 'ja' | 'en';
  popupBlocking: 'reject' | 'null-window';
  payjsDefaultWorkflow: 'iframe' | 'subwindow' | 'redirect';
  validationErrorShape: 'with-status' | 'without-status';
}

/** A 3-D Secure workflow of `Payjp(publicKey, { threeDSecureWorkflow })`. */
export type Workflow = PayjsDefaults['payjsDefaultWorkflow'];

/** Every workflow pay.js knows. */
export const WORKFLOWS: readonly Workflow[] = ['iframe', 'subwindow', 'redirect'];

/** The values each option may take in the script URL's query. */
export const ALLOWED_OVERRIDES: { readonly [K in keyof PayjsDefaults]: readonly string[] } = {
  payjsOverlay: ['body-child', 'foreign-frame', 'container'],
  payjsHelperFrames: ['true', 'false'],
  payjsRejection: ['error', 'object', 'nested', 'undefined'],
  payjsLanguage: ['ja', 'en'],
  popupBlocking: ['reject', 'null-window'],
  payjsDefaultWorkflow: WORKFLOWS,
  validationErrorShape: ['with-status', 'without-status'],
};
