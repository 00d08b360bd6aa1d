import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

/** PAY.JP's error `type`s. */
export type PayjpErrorType =
  | 'client_error'
  | 'card_error'
  | 'server_error'
  | 'not_allowed_method_error'
  | 'auth_error'
  | 'invalid_request_error';

/** The body PAY.JP answers errors with (`{"error": {…}}`). */
export interface PayjpErrorBody {
  error: {
    status: number;
    type: PayjpErrorType;
    message: string;
    code?: string;
    param?: string;
    /** The failed charge's id, on a 402 from `POST /v1/charges` or `tds_finish`. */
    charge?: string;
  };
}

/** An error answer of the `/v1` API; the router turns it into PAY.JP's envelope. */
export class PayjpApiError extends Error {
  /** The charge a card error belongs to (`error.charge`). */
  charge: string | undefined;

  constructor(
    readonly status: number,
    readonly type: PayjpErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): PayjpErrorBody {
    return {
      error: {
        status: this.status,
        type: this.type,
        message: this.message,
        ...(this.code === undefined ? {} : { code: this.code }),
        ...(this.param === undefined ? {} : { param: this.param }),
        ...(this.charge === undefined ? {} : { charge: this.charge }),
      },
    };
  }
}

export function sendPayjpError(res: ServerResponse, error: PayjpApiError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  sendJson(res, error.status, error.body());
}

/** 400 for a required parameter that is absent or empty. */
export function missingParam(param: string): PayjpApiError {
  return new PayjpApiError(400, 'client_error', `Missing required param: ${param}.`, 'missing_param', param);
}

/** 400 for a parameter whose value cannot be used (`code` defaults to `invalid_param`). */
export function invalidParam(param: string, message: string, code = 'invalid_param'): PayjpApiError {
  return new PayjpApiError(400, 'client_error', message, code, param);
}

/** 404 for an id that does not name a resource of this account. */
export function noSuchResource(kind: string, id: string, param = 'id'): PayjpApiError {
  return new PayjpApiError(404, 'client_error', `No such ${kind}: ${id}`, 'invalid_id', param);
}

/** 402 for a card the (sandbox) issuer refuses. */
export function cardError(code: string, message: string, param = 'card'): PayjpApiError {
  return new PayjpApiError(402, 'card_error', message, code, param);
}

/** 400 for a 3-D Secure flow in the wrong state (`three_d_secure_incompleted`, `unverified_token`, …). */
export function tdsStateError(code: string, message: string, param?: string): PayjpApiError {
  return new PayjpApiError(400, 'client_error', message, code, param);
}
