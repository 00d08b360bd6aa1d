import { ThreeDSecureError } from '../errors';
import type { PayjsTokenError } from './payjs';

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
  if (error.status === undefined || error.status === 0) return new ThreeDSecureError('network_error', message, details);
  if (error.status >= 500) return new ThreeDSecureError('backend_error', message, details);
  return new ThreeDSecureError('invalid_card', message, details);
}
