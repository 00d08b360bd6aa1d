import { ThreeDSecureError } from '../errors';
import { requestJson } from '../http/requestJson';
import { assertSameOriginPath } from '../returnPath';
import { isRecord, parseKurocoError, readKurocoRequestId, stringOr } from './parseKurocoError';
import type { KurocoBackend, KurocoBackendOptions, KurocoOrderInput, KurocoPaymentStatus, KurocoPurchaseResult } from './types';

const DEFAULT_PATHS = { purchase: 'ec/order', orderDetails: 'ec/order/{ec_order_id}' } as const;

// `object[key]` when it is a record, else an empty one.
const recordAt = (object: Record<string, unknown>, key: string): Record<string, unknown> => {
  const value = object[key];
  return isRecord(value) ? value : {};
};

/** The default reading of `details`: `payment_status` 'paid' / 'payment_failed'. */
export function readDefaultPaymentStatus(details: Record<string, unknown>): KurocoPaymentStatus {
  const status = details.payment_status;
  if (status === 'paid') return 'paid';
  if (status === 'payment_failed') return 'failed';
  return 'pending';
}

/**
 * A merchant backend that talks to Kuroco's front-end API directly: `ECOrder::purchase` with the
 * 3-D Secure return URL, and `ECOrder::details` to confirm the outcome on the return page.
 */
export function createKurocoBackend(options: KurocoBackendOptions): KurocoBackend {
  const returnPath = assertSameOriginPath(options.returnPath);
  let base: URL;
  try {
    base = new URL(`rcms-api/${encodeURIComponent(String(options.apiId ?? 1))}/`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  } catch (cause) {
    throw new ThreeDSecureError('misconfigured', `createKurocoBackend: baseUrl ${JSON.stringify(options.baseUrl)} is not a URL`, { cause });
  }
  const paths = { ...DEFAULT_PATHS, ...options.paths };
  const orderDetailsPath = (orderId: number) => paths.orderDetails.replace('{ec_order_id}', encodeURIComponent(String(orderId)));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const readPaymentStatus = options.readPaymentStatus ?? readDefaultPaymentStatus;

  // The access token goes wherever a path points, so every path must stay on baseUrl's origin
  // (`\\evil`, a leading tab or a scheme would leave it). Checked now for the configured paths.
  const endpoint = (path: string) => {
    const url = new URL(path.replace(/^\/+/, ''), base);
    if (url.origin !== base.origin) {
      throw new ThreeDSecureError('misconfigured', `createKurocoBackend: path ${JSON.stringify(path)} leaves ${base.origin} (it resolves to ${url.origin})`);
    }
    return url.toString();
  };
  endpoint(paths.purchase);
  endpoint(orderDetailsPath(1));

  async function send(method: 'GET' | 'POST', url: string, body: unknown, signal: AbortSignal | undefined) {
    const headers: Record<string, string> = {};
    if (options.auth.type === 'token') {
      const { token } = options.auth;
      headers['x-rcms-api-access-token'] = typeof token === 'function' ? await token() : token;
    }
    const response = await requestJson({
      url,
      method,
      headers,
      body,
      credentials: options.auth.type === 'cookie' ? 'include' : 'same-origin',
      timeoutMs,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      signal,
    });
    if (response.status < 200 || response.status >= 300) throw parseKurocoError(response.status, response.headers, response.body);
    if (!isRecord(response.body)) {
      throw new ThreeDSecureError('invalid_response', `Kuroco answered ${response.status} without JSON: ${url}`, {
        status: response.status,
      });
    }
    // Kuroco can answer 200 with a non-empty `errors`; treat that as the failure it is.
    if (Array.isArray(response.body.errors) && response.body.errors.length > 0) {
      throw parseKurocoError(response.status === 200 ? 400 : response.status, response.headers, response.body);
    }
    return { body: response.body, requestId: readKurocoRequestId(response.headers, response.body) };
  }

  return {
    provider: 'kuroco',
    returnPath,
    async purchase(order: KurocoOrderInput, init = {}): Promise<KurocoPurchaseResult> {
      const returnUrl = options.absoluteReturnUrl ? new URL(returnPath, globalThis.location?.origin).toString() : returnPath;
      const { extra, ...named } = order;
      const payload = { ...extra, ...named, card_options: { ...named.card_options, card_3dsec_return_url: returnUrl } };
      const { body, requestId } = await send('POST', endpoint(paths.purchase), payload, init.signal);
      const ids = Array.isArray(body.ids) ? body.ids.map(Number).filter((id) => Number.isInteger(id) && id > 0) : [];
      const resp = recordAt(recordAt(body, 'ext_data'), 'credit_card_3dsec_resp');
      const acsHtml = stringOr(resp.out_acs_html)?.trim() ? (resp.out_acs_html as string) : null;
      if (ids.length === 0) {
        throw new ThreeDSecureError('invalid_response', 'Kuroco sent no order id (`ids`)', { requestId });
      }
      const messages = Array.isArray(body.messages) ? body.messages.filter((m): m is string => typeof m === 'string') : [];
      return { orderIds: ids, messages, acsHtml, ...(requestId === undefined ? {} : { requestId }) };
    },
    async getPaymentStatus(orderId, init = {}) {
      const { body, requestId } = await send('GET', endpoint(orderDetailsPath(orderId)), undefined, init.signal);
      if (!isRecord(body.details)) {
        throw new ThreeDSecureError('invalid_response', `Kuroco order ${orderId} has no \`details\``, { orderIds: [orderId], requestId });
      }
      return readPaymentStatus(body.details);
    },
  };
}
