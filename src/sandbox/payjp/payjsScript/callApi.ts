import { sandboxOrigin } from './config';
import { clientError, type PayjsError } from './tokenErrors';

/** A '/v1' answer: the body, or PAY.JP's error (or network_error). */
export type ApiResult = { body: Record<string, unknown>; error?: undefined } | { error: PayjsError };

function formBody(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

/** A POST to '/v1' with the public key, as pay.js makes from the shop's page (no cookies). */
export function callApi(publicKey: string, path: string, pairs: readonly (readonly [string, string])[], networkMessage: string): Promise<ApiResult> {
  return fetch(`${sandboxOrigin}/v1${path}`, {
    method: 'POST',
    credentials: 'omit',
    headers: { Authorization: `Basic ${btoa(`${publicKey}:`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody(pairs),
  })
    .then((response) =>
      response.json().then((body: unknown): ApiResult => {
        if (response.ok) return { body: body as Record<string, unknown> };
        const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
        return error ? { error: error as PayjsError } : clientError('network_error', networkMessage, response.status);
      }),
    )
    .catch(() => clientError('network_error', networkMessage));
}
