import { check, type Probe } from '../rows';
import type { ApiAnswer } from '../payjpApi';

function envelopeHolds(answer: ApiAnswer, status: number, code: string): boolean {
  const error = answer.error;
  return answer.status === status && !!error && error.status === status && typeof error.type === 'string' && typeof error.message === 'string' && error.code === code;
}

/** PAY.JP's error envelope `{ error: { status, type, message, code } }`, which the kit reads. */
export const errorEnvelope: Probe = {
  name: 'error envelope',
  options: [],
  browser: false,
  async run({ api }) {
    const badKey = await api.call('GET', '/charges/ch_conformance0000000000000000', undefined, { key: 'sk_test_conformance0000000000000000' });
    const unknown = await api.call('GET', '/three_d_secure_requests/tdsr_conformance00000000000000');
    return {
      rows: [],
      checks: [
        check(envelopeHolds(badKey, 401, 'invalid_api_key'), 'a wrong key gets 401 invalid_api_key in the error envelope', badKey.body),
        check(envelopeHolds(unknown, 404, 'invalid_id'), 'an unknown id gets 404 invalid_id in the error envelope', unknown.body),
      ],
    };
  },
};
