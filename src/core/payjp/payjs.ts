/** Languages payjs v2 speaks. */
export type PayjsLocale = 'ja' | 'en';

/** How payjs shows the issuer's 3-D Secure screen. */
export type ThreeDSecureWorkflow = 'iframe' | 'subwindow' | 'redirect';

/** Options of `Payjp(publicKey, options)`. */
export interface PayjpInitOptions {
  locale?: PayjsLocale;
  threeDSecureWorkflow?: ThreeDSecureWorkflow;
}

/** Size and position of the 3-D Secure sub-window. */
export interface ThreeDSecureWindowFeatures {
  width?: number;
  height?: number;
  top?: number;
  left?: number;
  popup?: boolean;
}

/** Options of `openThreeDSecureDialog` (a bare number is the timeout in milliseconds). */
export interface ThreeDSecureDialogOptions {
  timeout?: number;
  windowFeatures?: ThreeDSecureWindowFeatures;
}

/** The part of a payjs v2 instance the kit uses. */
export interface PayjpInstance {
  getPublicKey(): string;
  /** Shows the issuer's screen in an overlay iframe; resolves when it completes, rejects when closed or failed. */
  openThreeDSecureIframe(resourceId: string): Promise<void>;
  /** Shows the issuer's screen in a sub-window (a popup the browser may block). */
  openThreeDSecureDialog(resourceId: string, options?: number | ThreeDSecureDialogOptions): Promise<void>;
}

/** `window.Payjp`, defined by pay.js. */
export type PayjpStatic = (publicKey: string, options?: PayjpInitOptions) => PayjpInstance;
