import type { PayjpCard } from '../createPayjpCard';
import type { PayjsCardholder, PayjsToken, ThreeDSecureWorkflow } from '../payjs';
import type { TokenSummary } from '../protocol';
import { verdictOf } from '../verdictOf';
import type { PayjpFlowSnapshot, PayjpResource } from './types';

/** Starts token-time 3-D Secure. */
export interface StartVerifiedTokenOptions {
  cardholder: PayjsCardholder;
  workflow?: ThreeDSecureWorkflow;
}

/** The snapshot of token-time 3-D Secure. */
export interface VerifiedTokenState extends PayjpFlowSnapshot<TokenSummary> {
  /** The token pay.js made (use it once `status` is `succeeded`). */
  token: PayjsToken | null;
}

/**
 * Token-time 3-D Secure (トークン作成時の3Dセキュア): pay.js creates the token with
 * `three_d_secure: true` and shows the issuer itself; then the server checks the token's status
 * (calling `tokens/{id}/tds_finish` where the workflow left it open) before the app may use it.
 */
export function tokenResource(card: PayjpCard): PayjpResource<StartVerifiedTokenOptions, TokenSummary, VerifiedTokenState> {
  let token: PayjsToken | null = null;
  return {
    kind: 'token',
    event: 'token',
    confirmingState: 'verifying',
    challenge: 'create',
    // pay.js shows the issuer while it makes the token.
    firstState: () => 'tokenizing',
    async create({ cardholder }, run) {
      token = null;
      token = await card.createToken(cardholder, { threeDSecure: true, ...(run.dialogOptions ? { dialogOptions: run.dialogOptions } : {}) });
      return { id: token.id, threeDSecureStatus: null, outcome: 'pending' };
    },
    ref: (summary) => ({ id: summary.id }),
    verdict: verdictOf,
    async read(ref, run) {
      const summary = await run.backend.finishToken(ref.id, { signal: run.signal });
      return { value: summary, verdict: verdictOf(summary) };
    },
    unanswered: (summary) => summary === null || summary.threeDSecureStatus === null || summary.threeDSecureStatus === 'unverified',
    view: (base) => ({ ...base, token }),
  };
}
