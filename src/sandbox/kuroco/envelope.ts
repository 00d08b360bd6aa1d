import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

/** Kuroco's error codes (request-level codes map 1:1 to an HTTP status; field codes are 400). */
export type KurocoErrorCode =
  | 'bad_request'
  | 'required'
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'request_timeout'
  | 'payload_too_large'
  | 'unprocessable_entity'
  | 'internal_server_error';

/** One entry of Kuroco's `errors` array. */
export interface KurocoErrorItem {
  code: KurocoErrorCode;
  message: string;
  /** The request field at fault (field-level codes `required` / `invalid`). */
  field?: string;
}

const STATUS: Record<KurocoErrorCode, number> = {
  bad_request: 400,
  required: 400,
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  payload_too_large: 413,
  unprocessable_entity: 422,
  internal_server_error: 500,
};

/** An error answer; the HTTP status follows the first error's code. */
export class KurocoApiError extends Error {
  readonly status: number;
  constructor(
    readonly errors: KurocoErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.message ?? 'Kuroco error');
    this.status = STATUS[errors[0]?.code ?? 'internal_server_error'];
  }
}

/** Shorthand for a single request-level error. */
export function kurocoError(code: KurocoErrorCode, message: string, headers?: Record<string, string>): KurocoApiError {
  return new KurocoApiError([{ code, message }], headers);
}

/** Sends Kuroco's error envelope: `{"errors":[…],"x-rcms-request-id":"…"}` (same id as the header). */
export function sendKurocoError(res: ServerResponse, requestId: string, error: KurocoApiError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  sendJson(res, error.status, { errors: error.errors, 'x-rcms-request-id': requestId });
}
