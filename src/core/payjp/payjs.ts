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

/** Element types of payjs v2 elements: the combined card field, or the split fields. */
export type PayjsElementType = 'card' | 'cardNumber' | 'cardExpiry' | 'cardCvc';

/** What a payjs element reports on `change`. */
export interface PayjsElementChangeEvent {
  elementType: PayjsElementType;
  empty: boolean;
  complete: boolean;
  /** e.g. 'Visa', 'MasterCard', 'JCB', 'American Express', 'Diners Club', 'Discover' (number fields). */
  brand?: string;
  /** `code` is e.g. `incomplete_error`, `invalid_number`, `invalid_expiry_year_past`, `invalid_expiry_month_past`. */
  error?: { message: string; code?: string; type?: string };
}

/** Options of `elements.create(type, options)` (as typed from pay.jp/docs/payjs; there is no postal-code field). */
export interface PayjsElementOptions {
  /** CSS properties per state: `base`, `invalid`, `complete`, `empty`. */
  style?: Partial<Record<'base' | 'invalid' | 'complete' | 'empty', Record<string, string>>>;
  placeholder?: string;
  disabled?: boolean;
  hideIcon?: boolean;
}

/** One mounted card field. payjs mounts by CSS selector (an element id works everywhere). */
export interface PayjsElement {
  mount(target: string | HTMLElement): void;
  unmount(): void;
  on(event: 'change', handler: (event: PayjsElementChangeEvent) => void): void;
  on(event: 'ready' | 'focus' | 'blur', handler: (event: { elementType: PayjsElementType }) => void): void;
  /** Empties the field (pay.js v2; the kit only calls it when present). */
  clear?(): void;
  /** Optional in the real payjs surface; the kit only calls it when present. */
  off?(event: string, handler: (...args: never[]) => void): void;
}

export interface PayjsElements {
  create(type: PayjsElementType, options?: PayjsElementOptions): PayjsElement;
}

/** Cardholder details PAY.JP asks for with 3-D Secure: name, and e-mail or phone (E.164). */
export interface PayjsCardholder {
  name?: string;
  email?: string;
  /** E.164, e.g. `+819012345678`. */
  phone?: string;
  address_zip?: string;
  country?: string;
}

/** The second argument of `createToken`. */
export interface PayjsTokenData {
  card?: PayjsCardholder;
  three_d_secure?: boolean;
  tenant?: string;
}

/** PAY.JP's token object (the parts the kit reads). */
export interface PayjsToken {
  id: string;
  card: { id: string; brand: string; last4: string; exp_month: number; exp_year: number; three_d_secure_status: string | null; [field: string]: unknown };
  livemode: boolean;
  used: boolean;
  created: number;
}

/** `createToken` resolves — never rejects — with `{ error }` on failure. */
export interface PayjsTokenError {
  error: { message: string; code?: string; type?: string; status?: number; param?: string };
}

/** The element and token part of a payjs v2 instance. */
export interface PayjpElementsApi {
  elements(options?: { locale?: PayjsLocale }): PayjsElements;
  createToken(element: PayjsElement, data?: PayjsTokenData, options?: ThreeDSecureDialogOptions): Promise<PayjsToken | PayjsTokenError>;
}
