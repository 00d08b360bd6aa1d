import { CONFIG } from './config';
import type { FieldCheckCode, FieldText } from './fieldText';

/** An error as pay.js reports it (in `{ error }` and in change events). */
export interface PayjsError {
  code: string;
  message: string;
  type: 'client_error' | 'validation_error';
  status?: number;
}

/**
 * The code pay.js reports for a field check: TYPEDEF's union names incomplete_error,
 * invalid_number, invalid_expiry_year_past and invalid_expiry_month_past; the other invalid_*
 * codes (month 13, a year too far ahead, a too-long cvc) are sandbox guesses.
 */
export function publicCode(check: FieldCheckCode): string {
  return check.startsWith('incomplete_') ? 'incomplete_error' : check;
}

/** A change event's error. */
export function fieldError(check: FieldCheckCode, messages: FieldText): PayjsError {
  return { code: publicCode(check), message: messages[check] || check, type: 'validation_error' };
}

/** createToken's `{ error }` for a failure on the page's side. */
export function clientError(code: string, message: string, status?: number): { error: PayjsError } {
  const error: PayjsError = { code, message, type: 'client_error' };
  if (status !== undefined) error.status = status;
  return { error };
}

/** A createToken validation failure; 'status: 400' only with validationErrorShape 'with-status'. */
export function validationError(code: string, message: string): { error: PayjsError } {
  return clientError(code, message, CONFIG.validationErrorShape === 'with-status' ? 400 : undefined);
}
