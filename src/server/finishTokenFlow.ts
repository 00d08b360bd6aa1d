import { readPayjpError } from './readPayjpError';
import type { RecentIds } from './recentIds';
import type { PayjpClientLike, PayjpTokenLike } from './types';

/** Raised when the client has no `tokens.tds_finish` (a `payjp` SDK older than 2.3.0). */
export class TokenFinishMissing extends Error {
  override readonly name = 'TokenFinishMissing';
}

/** What {@link finishTokenFlow} found: the token as it now reads, and whether PAY.JP ended the flow. */
export interface TokenFlowResult {
  token: PayjpTokenLike;
  expired: boolean;
}

/**
 * Finishes a token's 3-D Secure when that can still be needed, then answers the token.
 *
 * PAY.JP only accepts a token in a charge or customer once `tds_finish` ran. pay.js runs it itself
 * in the iframe and sub-window workflows; the redirect workflow leaves it to the server. The token
 * does not say whether it ran, so: `unverified`, `verified` and accepted `attempted` tokens get one
 * `tds_finish` (remembered in `finished`, so this process never sends it twice), and
 * - `three_d_secure_expired` / `not_in_three_d_secure_flow` → `expired: true`;
 * - `three_d_secure_incompleted` → for an `unverified` token, the token re-read (still
 *   `unverified`: the result has not landed, the verdict stays pending); for a token that has a
 *   result, `expired: true` (PAY.JP answered this code for expired flows until 2024-11);
 * - any other 400 for a token that has a result → it was finished already (by pay.js, or another
 *   process): re-read and answer it;
 * - anything else (402 declines, 5xx, network) is rethrown raw.
 * `failed` / `error` tokens, refused `attempted` ones and tokens without 3-D Secure are only read.
 */
export async function finishTokenFlow(
  tokens: NonNullable<PayjpClientLike['tokens']>,
  id: string,
  options: { acceptAttempted: boolean; finished?: RecentIds },
): Promise<TokenFlowResult> {
  const token = await tokens.retrieve(id);
  const status = token.card?.three_d_secure_status ?? null;
  const finishable = status === 'unverified' || status === 'verified' || (status === 'attempted' && options.acceptAttempted);
  if (!finishable || options.finished?.has(id)) return { token, expired: false };
  if (typeof tokens.tds_finish !== 'function') throw new TokenFinishMissing('The payjp client has no tokens.tds_finish (payjp >= 2.3.0 has it)');
  try {
    const finished = await tokens.tds_finish(id);
    options.finished?.add(id);
    // Both SDKs answer the token; re-read if a client answered something else.
    return { token: typeof finished?.card === 'object' && finished.card !== null ? finished : await tokens.retrieve(id), expired: false };
  } catch (error) {
    const facts = readPayjpError(error);
    if (facts.code === 'three_d_secure_expired' || facts.code === 'not_in_three_d_secure_flow') return { token, expired: true };
    if (facts.code === 'three_d_secure_incompleted') {
      if (status !== 'unverified') return { token, expired: true };
      // Re-read: whatever the token says now (still unverified: pending).
      return { token: await tokens.retrieve(id), expired: false };
    }
    if (facts.status === 400 && status !== 'unverified') {
      options.finished?.add(id);
      return { token: await tokens.retrieve(id), expired: false };
    }
    throw error;
  }
}
