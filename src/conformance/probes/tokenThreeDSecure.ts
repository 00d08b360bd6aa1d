import { DIRECT_TOKEN, expectOk, TEST_CARD } from '../context';
import { check, classified, type Probe } from '../rows';

/**
 * The account's token 3-D Secure mode (help.pay.jp/ja/articles/5366097): a token made without
 * `three_d_secure` comes back `unverified` only when the account runs 3-D Secure on every token.
 */
export const tokenThreeDSecure: Probe = {
  name: 'token 3-D Secure mode',
  options: ['tokenThreeDSecure'],
  browser: false,
  async run({ api }) {
    const token = expectOk(await api.call('POST', '/tokens', TEST_CARD, { headers: DIRECT_TOKEN }), 'create a token');
    const card = (token.card ?? {}) as Record<string, unknown>;
    const status = card.three_d_secure_status;
    const mode = status === null ? 'param' : status === 'unverified' ? 'always' : null;
    return {
      rows: [classified('tokenThreeDSecure', `token without three_d_secure: card.three_d_secure_status ${JSON.stringify(status)}`, mode)],
      checks: [
        check(String(token.id).startsWith('tok_') && token.object === 'token', "a token is { id: 'tok_…', object: 'token' }", token),
        check('three_d_secure_status' in card, 'token.card has three_d_secure_status', Object.keys(card)),
      ],
    };
  },
};
