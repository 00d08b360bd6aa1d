export { PAYJP_CHARGE_ERROR_CARDS, PAYJP_TOKEN_ERROR_CARDS } from '../sandbox/payjp/cards';
export { PAYJP_SANDBOX_TDS_CARDS } from '../sandbox/payjp/outcomes';
export { PAYGENT_SANDBOX_RESULT_CARDS } from '../sandbox/paygent/token';

/** Card details for the fill helpers. */
export interface TestCard {
  /** Digits only. */
  number: string;
  /** `MM/YY`. */
  expiry: string;
  cvc: string;
  /** Cardholder name (Paygent's form; PAY.JP takes it outside pay.js's fields). */
  name?: string;
}

/**
 * Named sandbox cards. `challenge` shows the issuer's outcome buttons (every card does unless listed
 * in PAYJP_SANDBOX_TDS_CARDS); the `frictionless…` cards complete 3-D Secure by themselves.
 */
export const SANDBOX_TEST_CARDS = {
  /** PAY.JP's documented Visa test card: succeeds, and 3-D Secure shows the challenge. */
  visa: { number: '4242424242424242', expiry: '12/30', cvc: '123', name: 'TARO YAMADA' },
  /** The challenge card (`4000000000003220`). */
  challenge: { number: '4000000000003220', expiry: '12/30', cvc: '123', name: 'TARO YAMADA' },
  /** Frictionless `verified` (PAY.JP sandbox only). */
  frictionlessVerified: { number: '4000000000003055', expiry: '12/30', cvc: '123', name: 'TARO YAMADA' },
  /** Frictionless `failed` (PAY.JP sandbox only). */
  frictionlessFailed: { number: '4000000000003071', expiry: '12/30', cvc: '123', name: 'TARO YAMADA' },
  /** Token creation fails with `card_declined` (PAY.JP's documented number). */
  declined: { number: '4000000000000002', expiry: '12/30', cvc: '123', name: 'TARO YAMADA' },
} as const satisfies Record<string, TestCard>;
