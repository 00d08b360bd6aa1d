import { finishTokenFlow, TokenFinishMissing } from '../finishTokenFlow';
import { RouteError } from '../routeError';
import { tokenOutcome } from '../toTokenSummary';
import type { PayjpClientLike } from '../types';
import type { RouteContext } from './context';
import { callPayment } from './payment';

/** How a charge with a token should be created: with charge-time 3-D Secure, or without (done at the token). */
export type ChargeTokenPlan = { threeDSecure: true } | { threeDSecure: false };

const refused = (providerCode: string, message: string) => new RouteError(400, 'invalid_request', message, { providerCode, param: 'token' });

/**
 * Reads the token before charging it. A token without 3-D Secure gets charge-time 3-D Secure. A
 * token that went through token 3-D Secure (pay.js with `three_d_secure: true`, or an account
 * that runs it on every token) already authenticated the shopper: once verified (or accepted
 * `attempted`) it is finished if nobody did, and charged without a second challenge. One still
 * `unverified` (the redirect workflow came back before the result, or never ran) or failed is
 * refused before anything is charged: PAY.JP would answer `unverified_token`.
 */
export async function readChargeToken(context: RouteContext, client: PayjpClientLike, id: string): Promise<ChargeTokenPlan> {
  const tokens = client.tokens;
  // A client without the tokens API (an older fake or SDK): charge as before, PAY.JP decides.
  if (!tokens || typeof tokens.retrieve !== 'function') return { threeDSecure: true };
  const notFound = () => new RouteError(404, 'not_found', 'PAY.JP has no such token or card', { param: 'token' });
  const token = await callPayment(() => tokens.retrieve(id), { param: 'token', onNotFound: notFound });
  if (typeof token.card?.three_d_secure_status !== 'string') return { threeDSecure: true };
  // Under the token's lock, as POST /tokens/{id}/finish: one tds_finish per token across servers.
  const result = await context.lock(`token:${id}`, () =>
    callPayment(
      async () => {
        try {
          return await finishTokenFlow(tokens, id, { acceptAttempted: context.acceptAttempted, finished: context.finishedTokens, now: () => context.now() });
        } catch (error) {
          if (error instanceof TokenFinishMissing) throw new RouteError(500, 'misconfigured', error.message, { cause: error });
          throw error;
        }
      },
      { param: 'token', onNotFound: notFound },
    ),
  );
  if (result.expired) throw new RouteError(409, 'expired', "The token's 3-D Secure flow has expired: create a new token", { param: 'token' });
  const verdict = tokenOutcome(result.token.card?.three_d_secure_status, context.acceptAttempted);
  if (verdict.outcome === 'succeeded') return { threeDSecure: false };
  if (verdict.outcome === 'pending') {
    throw refused('unverified_token', "The token's 3-D Secure has not completed: run it (POST /tokens/{id}/redirect), then finish it, or create a new token");
  }
  if (verdict.attemptedRefused) throw refused('attempted_not_accepted', "The token's 3-D Secure ended as attempted, which this server does not accept");
  throw refused('three_d_secure_failed', "The token's 3-D Secure did not succeed: create a new token");
}
