import { describe, expect, it } from 'vitest';
import { parseKurocoError } from '../../src/core/kuroco/parseKurocoError';

const MIXED = '3Dセキュアを利用している場合は配送・DLを1つにまとめる必要があります、予約商品や配送・DL商品が混ざっている場合は個別に注文してください。';

describe('parseKurocoError', () => {
  it('maps the seed mixed-order 422 to kuroco_mixed_order and keeps the request id from the body', () => {
    const error = parseKurocoError(422, new Headers(), {
      errors: [{ code: 'unprocessable_entity', message: MIXED }],
      'x-rcms-request-id': 'a32b81da-a923-410b-af1e-f1853343aca8',
    });
    expect(error.code).toBe('kuroco_mixed_order');
    expect(error.status).toBe(422);
    expect(error.providerMessage).toBe(MIXED);
    expect(error.requestId).toBe('a32b81da-a923-410b-af1e-f1853343aca8');
  });

  it('prefers the x-rcms-request-id header', () => {
    const error = parseKurocoError(500, new Headers({ 'x-rcms-request-id': 'from-header' }), { errors: [], 'x-rcms-request-id': 'from-body' });
    expect(error.requestId).toBe('from-header');
    expect(error.code).toBe('backend_error');
  });

  it.each([
    [400, 'required', 'invalid_request'],
    [401, 'unauthorized', 'unauthorized'],
    [403, 'forbidden', 'unauthorized'],
    [404, 'not_found', 'not_found'],
    [408, 'request_timeout', 'timeout'],
    [422, 'unprocessable_entity', 'invalid_request'],
    [500, 'internal_server_error', 'backend_error'],
    [503, undefined, 'backend_error'],
  ] as const)('HTTP %i (%s) → %s', (status, providerCode, code) => {
    const body = providerCode ? { errors: [{ code: providerCode, message: 'x', field: 'card_token' }] } : 'not json';
    const error = parseKurocoError(status, new Headers(), body);
    expect(error.code).toBe(code);
    if (providerCode) {
      expect(error.providerCode).toBe(providerCode);
      expect(error.field).toBe('card_token');
    }
  });
});
