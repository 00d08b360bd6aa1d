import type { PayjpProtocolError, PayjpProtocolErrorCode } from '../core/payjp/protocol';

/**
 * A failure that already knows its answer: HTTP status plus the protocol's `{ error }` body.
 * Routes throw it; the handler turns it into a Response. `cause` stays server-side (onError).
 */
export class RouteError extends Error {
  override readonly name = 'RouteError';
  readonly status: number;
  readonly body: PayjpProtocolError;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: PayjpProtocolErrorCode,
    message: string,
    extra: { providerCode?: string; param?: string; cause?: unknown; headers?: Record<string, string>; retryable?: boolean } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.status = status;
    this.body = { code, message };
    if (extra.providerCode !== undefined) this.body.providerCode = extra.providerCode;
    if (extra.param !== undefined) this.body.param = extra.param;
    if (extra.retryable === true) this.body.retryable = true;
    this.headers = extra.headers ?? {};
  }
}
