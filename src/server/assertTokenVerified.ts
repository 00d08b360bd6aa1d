import { ThreeDSecureError } from '../core/errors';
import { finishTokenFlow, TokenFinishMissing } from './finishTokenFlow';
import { readPayjpError } from './readPayjpError';
import type { PayjpClientLike, PayjpTokenLike } from './types';

/** Options of {@link assertTokenVerified}. */
export interface AssertTokenVerifiedOptions {
  /** Whether `attempted` counts, as PAY.JP does by default. @default true */
  acceptAttempted?: boolean;
  /**
   * Run `tokens.tds_finish` once the result has landed, as the redirect workflow needs (pay.js
   * already ran it in the iframe and sub-window workflows; a refused second finish is recognised by
   * re-reading the token, whatever PAY.JP's code). An `unverified` token is never finished. `false` only reads
   * the token: its status says nothing about whether `tds_finish` ran, so PAY.JP may still refuse
   * it (`unverified_token`).
   * @default true
   */
  finish?: boolean;
  /**
   * Clock for the token's age: a token older than 30 minutes whose flow is not over reads as
   * `expired`. Milliseconds, like `Date.now`.
   * @default Date.now
   */
  now?: () => number;
}

function sdkFailure(error: unknown): ThreeDSecureError {
  const facts = readPayjpError(error);
  const details = { cause: error, ...(facts.status === undefined ? {} : { status: facts.status }), ...(facts.code ? { providerCode: facts.code } : {}) };
  if (facts.status === 404) return new ThreeDSecureError('not_found', 'PAY.JP has no such token', details);
  if (facts.status === 402) return new ThreeDSecureError('card_declined', 'The card was declined', details);
  return new ThreeDSecureError(facts.network ? 'network_error' : 'backend_error', 'Reading the token from PAY.JP failed', details);
}

/**
 * For servers that use a 3-D Secure token themselves (`charges.create`, `customers.create`):
 * resolves with the token when its `card.three_d_secure_status` is `verified` (or `attempted`,
 * when accepted), else throws a `ThreeDSecureError`:
 * - `attempted_not_accepted`: `attempted` under `acceptAttempted: false`;
 * - `expired`: the token is older than 30 minutes and its flow could not be finished (decided
 *   from the token's age, not from PAY.JP's code);
 * - `three_d_secure_failed`: `failed`, `error`, no 3-D Secure at all (`null`), or still
 *   `unverified` (`providerCode: 'three_d_secure_incompleted'`);
 * - `invalid_request` (malformed id), `not_found`, `card_declined`, `backend_error`,
 *   `network_error`, `misconfigured` (no `tokens` API) for everything else.
 *
 * ```ts
 * const token = await assertTokenVerified(payjp, body.token, { acceptAttempted: false });
 * await payjp.customers.create({ card: token.id });
 * ```
 */
export async function assertTokenVerified(payjp: Pick<PayjpClientLike, 'tokens'>, tokenId: string, options: AssertTokenVerifiedOptions = {}): Promise<PayjpTokenLike> {
  if (typeof tokenId !== 'string' || !/^tok_[A-Za-z0-9]+$/.test(tokenId)) {
    throw new ThreeDSecureError('invalid_request', 'assertTokenVerified: tokenId must be a PAY.JP token id (tok_…)');
  }
  const tokens = payjp.tokens;
  if (!tokens || typeof tokens.retrieve !== 'function') throw new ThreeDSecureError('misconfigured', 'assertTokenVerified: the payjp client has no tokens.retrieve');
  let token: PayjpTokenLike;
  try {
    if (options.finish ?? true) {
      const result = await finishTokenFlow(tokens, tokenId, { acceptAttempted: options.acceptAttempted ?? true, now: options.now ?? Date.now });
      if (result.expired) throw new ThreeDSecureError('expired', "The token's 3-D Secure flow has expired: create a new token");
      token = result.token;
    } else {
      token = await tokens.retrieve(tokenId);
    }
  } catch (error) {
    if (error instanceof ThreeDSecureError) throw error;
    if (error instanceof TokenFinishMissing) throw new ThreeDSecureError('misconfigured', `assertTokenVerified: ${error.message}`, { cause: error });
    throw sdkFailure(error);
  }
  const status = token.card?.three_d_secure_status ?? null;
  switch (status) {
    case 'verified':
      return token;
    case 'attempted':
      if (options.acceptAttempted ?? true) return token;
      throw new ThreeDSecureError('attempted_not_accepted', '3-D Secure ended as attempted, which this server does not accept');
    case 'unverified':
      throw new ThreeDSecureError('three_d_secure_failed', '3-D Secure has not completed on this token: finish it first', { providerCode: 'three_d_secure_incompleted' });
    case null:
      throw new ThreeDSecureError('three_d_secure_failed', 'The token was not created with 3-D Secure');
    default:
      throw new ThreeDSecureError('three_d_secure_failed', `3-D Secure did not succeed (${status})`);
  }
}
