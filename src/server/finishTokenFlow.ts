import { readPayjpError } from './readPayjpError';
import type { PayjpClientLike, PayjpTokenLike } from './types';

/** Raised when the client has no `tokens.tds_finish` (a `payjp` SDK older than 2.3.0). */
export class TokenFinishMissing extends Error {
  override readonly name = 'TokenFinishMissing';
}

/**
 * How long a token's 3-D Secure flow lives, from the token's `created`: PAY.JP documents 30
 * minutes for charges ("支払い作成から30分"); tokens are taken to follow the same limit.
 */
export const TOKEN_FLOW_WINDOW_MS = 30 * 60 * 1000;

/** What {@link finishTokenFlow} found: the token as it now reads, and whether its flow is over. */
export interface TokenFlowResult {
  token: PayjpTokenLike;
  expired: boolean;
}

/**
 * Where finished token ids are remembered: the handler keeps them in its ledger store, so with a
 * shared store no server sends a token's `tds_finish` twice.
 */
export interface FinishedTokens {
  has(id: string): boolean | Promise<boolean>;
  add(id: string): void | Promise<void>;
}

/** Options of {@link finishTokenFlow}. */
export interface FinishTokenFlowOptions {
  acceptAttempted: boolean;
  /** Tokens already finished (by this handler or one sharing its store): never sent `tds_finish` again. */
  finished?: FinishedTokens;
  /** Milliseconds since the epoch, for the token's age. */
  now: () => number;
}

function statusOf(token: PayjpTokenLike): string | null {
  return typeof token.card?.three_d_secure_status === 'string' ? token.card.three_d_secure_status : null;
}

/** The token is older than the flow's window (a token without `created` is taken as fresh). */
function isPastWindow(token: PayjpTokenLike, now: number): boolean {
  return typeof token.created === 'number' && now - token.created * 1000 > TOKEN_FLOW_WINDOW_MS;
}

/**
 * Finishes a token's 3-D Secure when a result has landed, then answers the token.
 *
 * PAY.JP only accepts a token in a charge or customer once `tds_finish` ran. pay.js runs it itself
 * in the iframe and sub-window workflows; the redirect workflow leaves it to the server. The token
 * does not say whether it ran, and PAY.JP's answer to a second finish is undocumented, so the
 * token is read first and decides:
 * - `unverified`: no result yet → no `tds_finish` (pending), or expired once older than 30 minutes;
 * - `verified` / accepted `attempted`: one `tds_finish` (remembered in `finished`). A 200 answers
 *   it; a 400 re-reads the token: older than 30 minutes, or PAY.JP's documented
 *   `three_d_secure_expired` → expired; else a landed result means it was finished already (by
 *   pay.js or another process, whatever code PAY.JP used to say so) → answered;
 * - `failed` / `error` / refused `attempted` / no 3-D Secure: only read.
 * Anything else (402 declines, 5xx, network) is rethrown raw.
 */
export async function finishTokenFlow(tokens: NonNullable<PayjpClientLike['tokens']>, id: string, options: FinishTokenFlowOptions): Promise<TokenFlowResult> {
  const token = await tokens.retrieve(id);
  const status = statusOf(token);
  // F10: an open challenge is never finished, so polling costs one read and no tds_finish.
  if (status === 'unverified') return { token, expired: isPastWindow(token, options.now()) };
  const landed = status === 'verified' || (status === 'attempted' && options.acceptAttempted);
  if (!landed || (await options.finished?.has(id))) return { token, expired: false };
  if (typeof tokens.tds_finish !== 'function') throw new TokenFinishMissing('The payjp client has no tokens.tds_finish (payjp >= 2.3.0 has it)');
  try {
    const finished = await tokens.tds_finish(id);
    await options.finished?.add(id);
    // Both SDKs answer the token; re-read if a client answered something else.
    return { token: typeof finished?.card === 'object' && finished.card !== null ? finished : await tokens.retrieve(id), expired: false };
  } catch (error) {
    const facts = readPayjpError(error);
    if (facts.status !== 400) throw error;
    const again = await tokens.retrieve(id);
    // PAY.JP's documented expiry code (2024-11) is trusted; no other code decides anything.
    if (facts.code === 'three_d_secure_expired' || isPastWindow(again, options.now())) return { token: again, expired: true };
    const now = statusOf(again);
    if (now === 'verified' || now === 'attempted') await options.finished?.add(id);
    return { token: again, expired: false };
  }
}
