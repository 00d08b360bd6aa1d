import { ThreeDSecureError, type ThreeDSecureErrorCode } from '../errors';

interface KurocoErrorItem {
  code?: unknown;
  message?: unknown;
  field?: unknown;
}

/** Kuroco's request id: the header, or the body field Kuroco also puts in error envelopes. */
export function readKurocoRequestId(headers: Headers, body: unknown): string | undefined {
  return headers.get('x-rcms-request-id') ?? (isRecord(body) ? stringOr(body['x-rcms-request-id']) : undefined);
}

// Kuroco answers one 422 for carts that 3-D Secure cannot take in one order; its wording is the only marker.
const MIXED_ORDER_HINT = /3Dセキュア|個別に注文|配送・DL/;

function codeForStatus(status: number, providerCode: string | undefined, message: string): ThreeDSecureErrorCode {
  if (status === 422 && (providerCode === 'unprocessable_entity' || providerCode === undefined) && MIXED_ORDER_HINT.test(message)) {
    return 'kuroco_mixed_order';
  }
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  return 'backend_error';
}

/** Turns a Kuroco error answer (`{errors: [{code, message, field?}], "x-rcms-request-id"}`) into a typed error. */
export function parseKurocoError(status: number, headers: Headers, body: unknown): ThreeDSecureError {
  const errors = isRecord(body) && Array.isArray(body.errors) ? (body.errors as KurocoErrorItem[]) : [];
  const first = errors.find(isRecord) ?? {};
  const providerCode = stringOr(first.code);
  const providerMessage = stringOr(first.message);
  const code = codeForStatus(status, providerCode, providerMessage ?? '');
  return new ThreeDSecureError(code, `Kuroco answered ${status}${providerCode ? ` ${providerCode}` : ''}: ${providerMessage ?? `HTTP ${status}`}`, {
    status,
    providerCode,
    providerMessage,
    field: stringOr(first.field),
    requestId: readKurocoRequestId(headers, body),
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a string, else undefined. */
export function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
