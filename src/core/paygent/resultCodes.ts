import type { ThreeDSecureErrorCode } from '../errors';
import type { PaygentCardErrorKey, PaygentMessageKey } from './messages';
import type { PaygentCardField } from './types';

/** How one PaygentToken.js result code is reported. */
export interface PaygentResultInfo {
  code: ThreeDSecureErrorCode;
  /** The form field to blame (card errors only). */
  field?: PaygentCardField;
  /** The shopper text for it, when more precise than the error code's. */
  message?: PaygentMessageKey;
  /** What Paygent says the code means (for developers and logs; no card data). */
  meaning: string;
}

function card(field: PaygentCardField, message: PaygentCardErrorKey, meaning: string): PaygentResultInfo {
  return { code: 'invalid_card', field, message, meaning };
}

/**
 * Every documented result code of PaygentToken.js (Kuroco FAQ `how-can-i-get-card-token`, after
 * Paygent's token interface spec), and what the kit makes of it. `0000` is success.
 */
export const PAYGENT_TOKEN_RESULT_CODES: Readonly<Record<string, PaygentResultInfo>> = {
  '1100': { code: 'misconfigured', meaning: 'merchant id is missing' },
  '1200': { code: 'misconfigured', meaning: 'token generation key is missing' },
  '1201': { code: 'misconfigured', meaning: 'token generation key is not valid (for this merchant id)' },
  '1300': card('card_number', 'paygent.cardNumber.required', 'card number is missing'),
  '1301': card('card_number', 'paygent.cardNumber.invalid', 'card number has an invalid format'),
  '1400': card('expire', 'paygent.expiry.required', 'expiry year is missing'),
  '1401': card('expire', 'paygent.expiry.invalid', 'expiry year has an invalid format'),
  '1500': card('expire', 'paygent.expiry.required', 'expiry month is missing'),
  '1501': card('expire', 'paygent.expiry.invalid', 'expiry month has an invalid format'),
  '1502': card('expire', 'paygent.expiry.outOfRange', 'expiry date is in the past or more than 20 years ahead'),
  '1600': card('cvc', 'paygent.cvc.invalid', 'security code has an invalid format'),
  '1601': card('cvc', 'paygent.cvc.required', 'security code is missing (security code token)'),
  '1700': card('name', 'paygent.name.invalid', 'cardholder name has an invalid format'),
  '7000': { code: 'backend_error', message: 'paygent.unsupportedBrowser', meaning: 'unsupported browser' },
  '7001': { code: 'network_error', meaning: 'could not reach Paygent' },
  '8000': { code: 'backend_error', message: 'paygent.maintenance', meaning: 'Paygent is under maintenance' },
  '9000': { code: 'backend_error', meaning: 'Paygent internal error' },
};

/** The documented meaning of a result code; unknown codes are treated as Paygent errors. */
export function paygentResultInfo(result: string): PaygentResultInfo {
  return PAYGENT_TOKEN_RESULT_CODES[result] ?? { code: 'backend_error', meaning: 'undocumented result code' };
}
