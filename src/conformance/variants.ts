/**
 * The provider unknowns the conformance check classifies, each named after the sandbox option that
 * offers its plausible behaviours (src/sandbox/README.md lists them), with that option's values and
 * documented default.
 */
export const VARIANTS = {
  payjsOverlay: { values: ['body-child', 'foreign-frame', 'container'], default: 'body-child', about: 'pay.js iframe challenge DOM' },
  payjsHelperFrames: { values: ['true', 'false'], default: 'true', about: 'hidden pay.js helper iframes' },
  payjsRejection: { values: ['error', 'object', 'nested', 'undefined'], default: 'error', about: 'what a closed challenge rejects with' },
  payjsLanguage: { values: ['ja', 'en'], default: 'ja', about: "language of pay.js's messages" },
  popupBlocking: { values: ['reject', 'null-window'], default: 'reject', about: 'openThreeDSecureDialog with the popup blocked' },
  payjsDefaultWorkflow: { values: ['iframe', 'subwindow', 'redirect'], default: 'subwindow', about: 'workflow of Payjp() without threeDSecureWorkflow' },
  validationErrorShape: { values: ['with-status', 'without-status'], default: 'without-status', about: "createToken's client-side validation error" },
  secondFinish: {
    values: ['invalid_three_d_secure_state', 'not_in_three_d_secure_flow', 'three_d_secure_incompleted', 'ok'],
    default: 'invalid_three_d_secure_state',
    about: 'a second tds_finish on a finished charge',
  },
  failedFinish: { values: ['three_d_secure_incompleted', 'three_d_secure_failed'], default: 'three_d_secure_incompleted', about: 'tds_finish on a failed 3-D Secure' },
  tokenThreeDSecure: { values: ['param', 'always'], default: 'param', about: "the account's token 3-D Secure mode" },
  rateLimit: { values: ['undefined', 'set'], default: 'undefined', about: "PAY.JP's 429 answer" },
  authFailureStatus: { values: ['401', '403'], default: '401', about: 'Kuroco status for a bad access token' },
} as const satisfies Record<string, { values: readonly string[]; default: string; about: string }>;

/** A sandbox option whose behaviour the check classifies. */
export type VariantName = keyof typeof VARIANTS;

export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];

export function isVariantName(name: string): name is VariantName {
  return Object.prototype.hasOwnProperty.call(VARIANTS, name);
}
