import { expectOk } from '../context';
import { check, type Probe } from '../rows';

const TDSR_FIELDS = ['id', 'object', 'resource_id', 'livemode', 'created', 'state', 'started_at', 'result_received_at', 'finished_at', 'expired_at', 'three_d_secure_status'];

/** The customer card and three_d_secure_request fields the kit reads (seed: customer-card 3-D Secure). */
export const apiObjects: Probe = {
  name: 'API objects',
  options: [],
  browser: false,
  async run({ api, fixtures }) {
    const { customerId, cardId } = await fixtures.customerCard();
    const tdsrId = await fixtures.threeDSecureRequest();
    const tdsr = expectOk(await api.call('GET', `/three_d_secure_requests/${tdsrId}`), 'read the three_d_secure_request');
    const missing = TDSR_FIELDS.filter((field) => !(field in tdsr));
    return {
      rows: [],
      checks: [
        check(customerId.startsWith('cus_') && cardId.startsWith('car_'), 'a customer made from a token has default_card car_…', { customerId, cardId }),
        check(missing.length === 0, `three_d_secure_request has ${TDSR_FIELDS.join(', ')}`, `missing: ${missing.join(', ')}`),
        check(tdsr.object === 'three_d_secure_request' && tdsr.resource_id === cardId, 'three_d_secure_request names its card in resource_id', tdsr),
        check(tdsr.state === 'created' && tdsr.three_d_secure_status === 'unverified' && tdsr.expired_at === null, "a new request is state 'created', 'unverified', not expired", tdsr),
      ],
    };
  },
};
