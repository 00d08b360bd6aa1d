import { ThreeDSecureError } from '../errors';
import type { PayjsTokenError } from './payjs';

// Field checks of pay.js (elements: incomplete_error, invalid_number, invalid_expiry_year_past, …)
// and PAY.JP's card-data codes (invalid_cvc, incorrect_card_data, expired_card, …).
const CARD_CODE = /^(invalid_|incomplete_|incorrect_|missing_)|^expired_card$/;
const NETWORK_CODE = new Set(['network_error', 'connection_error', 'timeout_error']);
// A failed fetch leaves only its message (Chromium, Firefox, Safari wordings, and Japanese).
const NETWORK_MESSAGE = /failed to fetch|networkerror|network connection|load failed|ネットワーク|接続/i;

function isNetworkFailure(error: PayjsTokenError['error']): boolean {
  if ((error.code && NETWORK_CODE.has(error.code)) || error.type === 'network_error' || error.status === 0) return true;
  return !error.code && !error.type && error.status === undefined && NETWORK_MESSAGE.test(error.message);
}

/** Turns payjs `createToken`'s resolved `{ error }` into the kit's typed error. */
export function readPayjsTokenError({ error }: PayjsTokenError): ThreeDSecureError {
  const details = {
    ...(error.code ? { providerCode: error.code } : {}),
    providerMessage: error.message,
    ...(error.status ? { status: error.status } : {}),
    ...(error.param ? { field: error.param } : {}),
  };
  const message = `payjs createToken failed: ${error.code ?? error.type ?? 'error'}: ${error.message}`;
  if (error.code === 'canceled') return new ThreeDSecureError('canceled', message, details);
  if (error.code === 'popup_blocked') return new ThreeDSecureError('popup_blocked', message, details);
  if (error.code === 'timeout') return new ThreeDSecureError('canceled', message, details);
  // Token 3-D Secure: pay.js finishes the token after the challenge; these say the challenge failed or ran out.
  if (error.code === 'three_d_secure_incompleted' || error.code === 'three_d_secure_failed') return new ThreeDSecureError('three_d_secure_failed', message, details);
  if (error.code === 'three_d_secure_expired' || error.code === 'not_in_three_d_secure_flow') return new ThreeDSecureError('expired', message, details);
  if (error.status === 402 || error.type === 'card_error') return new ThreeDSecureError('card_declined', message, details);
  // Client-side validation may come without a status: it is still the card's fault, not the network's.
  if (error.type === 'validation_error' || (error.code && CARD_CODE.test(error.code))) return new ThreeDSecureError('invalid_card', message, details);
  if (isNetworkFailure(error)) return new ThreeDSecureError('network_error', message, details);
  if (error.status === undefined) return new ThreeDSecureError('backend_error', message, details);
  if (error.status >= 500) return new ThreeDSecureError('backend_error', message, details);
  return new ThreeDSecureError('invalid_card', message, details);
}
