import type { ApiContext, ApiRoute } from './api';
import { allowOnly, LIST_KEYS, listOf, ok, textParam } from './api';
import { missingParam, noSuchResource } from './errors';
import { newId, unixSeconds } from './ids';
import type { ThreeDSecureStatus } from './outcomes';
import type { PayjpState, TdsResult, TdsrRecord } from './store';

/** `three_d_secure_request.state`. */
export type TdsrState = 'created' | 'in_progress' | 'result_received' | 'finished';

/** Where a request stands at `now` (results, slow ones included, and expiry are worked out on read). */
export interface TdsrView {
  state: TdsrState;
  status: ThreeDSecureStatus;
  /** The result that counts (landed by now, before expiry). */
  result: TdsResult | null;
  /** A result that will land later (slow issuer). */
  pending: boolean;
  /** Milliseconds; set once the request passed its lifetime without a result. */
  expiredAt: number | null;
}

export function viewTdsr(state: PayjpState, record: TdsrRecord): TdsrView {
  const now = state.options.now();
  const expiresAt = record.created + state.options.requestExpiryMs;
  // A result only counts when it lands before expiry; a slow one that lands later is refused.
  const valid = record.result !== null && record.result.at <= expiresAt ? record.result : null;
  const landed = valid !== null && valid.at <= now ? valid : null;
  if (landed) return { state: 'finished', status: landed.status, result: landed, pending: false, expiredAt: null };
  const expired = now > expiresAt;
  return {
    state: record.startedAt === null ? 'created' : 'in_progress',
    status: 'unverified',
    result: null,
    pending: valid !== null && !expired,
    expiredAt: expired ? expiresAt : null,
  };
}

export function tdsrObject(state: PayjpState, record: TdsrRecord) {
  const view = viewTdsr(state, record);
  const at = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : unixSeconds(ms));
  return {
    id: record.id,
    object: 'three_d_secure_request' as const,
    resource_id: record.resourceId,
    livemode: false,
    created: unixSeconds(record.created),
    state: view.state,
    started_at: at(record.startedAt),
    // For a customer card, the request finishes as soon as the issuer's result arrives.
    result_received_at: at(view.result?.at),
    finished_at: at(view.result?.at),
    expired_at: at(view.expiredAt),
    tenant_id: record.tenantId,
    three_d_secure_status: view.status,
  };
}

export function findTdsr(state: PayjpState, id: string): TdsrRecord {
  const record = state.threeDSecureRequests.get(id);
  if (!record) throw noSuchResource('three_d_secure_request', id);
  return record;
}

function createTdsr({ state, input }: ApiContext) {
  allowOnly(input, (key) => key === 'resource_id' || key === 'tenant_id');
  const resourceId = textParam(input, 'resource_id');
  if (resourceId === null) throw missingParam('resource_id');
  // Any customer's card of this account will do, as on PAY.JP; a token's unattached card will not.
  const card = state.cards.get(resourceId);
  if (!card || card.customerId === null) throw noSuchResource('card', resourceId, 'resource_id');
  const record: TdsrRecord = {
    id: newId('tdsr'),
    resourceId,
    tenantId: textParam(input, 'tenant_id'),
    created: state.options.now(),
    startedAt: null,
    result: null,
  };
  state.threeDSecureRequests.set(record.id, record);
  return ok(tdsrObject(state, record));
}

function retrieveTdsr({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  return ok(tdsrObject(state, findTdsr(state, params[0] ?? '')));
}

function listTdsrs({ state, input }: ApiContext) {
  allowOnly(input, (key) => LIST_KEYS.includes(key) || key === 'resource_id' || key === 'tenant_id');
  const resourceId = input.get('resource_id');
  const tenantId = input.get('tenant_id');
  const records = [...state.threeDSecureRequests.values()].filter(
    (record) => (resourceId === null || record.resourceId === resourceId) && (tenantId === null || record.tenantId === tenantId),
  );
  return ok(listOf(input, '/v1/three_d_secure_requests', records, (record) => unixSeconds(record.created), (record) => tdsrObject(state, record)));
}

/** 3-D Secure requests on customer cards. */
export const threeDSecureRequestRoutes: ApiRoute[] = [
  { method: 'POST', pattern: /^\/three_d_secure_requests$/, auth: 'secret', handle: createTdsr },
  { method: 'GET', pattern: /^\/three_d_secure_requests$/, auth: 'secret', handle: listTdsrs },
  { method: 'GET', pattern: /^\/three_d_secure_requests\/([^/]+)$/, auth: 'secret', handle: retrieveTdsr },
];
