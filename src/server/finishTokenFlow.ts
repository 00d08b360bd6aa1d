import { isPayjpExpired } from './readPayjpError';
import type { PayjpClientLike, PayjpTokenLike } from './types';

/** Raised when the client has no `tokens.tds_finish` (a `payjp` SDK older than 2.3.0). */
export class TokenFinishMissing extends Error {
  override readonly name = 'TokenFinishMissing';
}

/**
 * Reads a token and, while its `card.three_d_secure_status` is still `unverified` (the redirect
 * workflow leaves finishing to the server), calls `tokens.tds_finish` once and reads the result.
 * PAY.JP's expired-flow codes come back as `expired: true`; other SDK errors are rethrown raw,
 * after a re-read shows that nobody else finished the token meanwhile.
 */
export async function finishTokenFlow(tokens: NonNullable<PayjpClientLike['tokens']>, id: string): Promise<{ token: PayjpTokenLike; expired: boolean }> {
  const token = await tokens.retrieve(id);
  if (token.card?.three_d_secure_status !== 'unverified') return { token, expired: false };
  if (typeof tokens.tds_finish !== 'function') throw new TokenFinishMissing('The payjp client has no tokens.tds_finish (payjp >= 2.3.0 has it)');
  try {
    const finished = await tokens.tds_finish(id);
    // Both SDKs answer the token; re-read if a client answered something else.
    return { token: typeof finished?.card === 'object' && finished.card !== null ? finished : await tokens.retrieve(id), expired: false };
  } catch (error) {
    if (isPayjpExpired(error)) return { token, expired: true };
    const again = await tokens.retrieve(id).catch(() => null);
    if (again && again.card?.three_d_secure_status !== 'unverified') return { token: again, expired: false };
    throw error;
  }
}
