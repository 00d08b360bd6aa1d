import type { ChallengeSession, SandboxState } from '../state';
import { withDsecError } from './returnUrl';
import type { SandboxChallengeOutcome } from './sessions';

/** What completing a challenge did. */
export interface CompletionResult {
  /** The outcome that counted (`timeout` when completed after `challengeTimeoutMs`). */
  outcome: SandboxChallengeOutcome;
  /** Where the shopper goes next. */
  location: string;
}

/**
 * Applies an outcome to the order and works out the return redirect. Modelled on Kuroco's
 * tutorial: failure or timeout adds `dsec_error=1`; an authorization failure after a passed 3DS
 * only mails the admin, so the shopper returns without it and the order stays 決済失敗.
 */
export function completeChallenge(state: SandboxState, session: ChallengeSession, chosen: SandboxChallengeOutcome): CompletionResult {
  const now = state.kuroco.now();
  const outcome = now - session.createdAt > state.kuroco.challengeTimeoutMs ? 'timeout' : chosen;
  session.completed = true;
  const order = state.orders.get(session.orderId);
  if (order) {
    if (outcome === 'pass') {
      order.settlement = 'paid';
      order.paidVisibleAt = now + state.kuroco.statusDelayMs;
    } else {
      order.settlement = 'failed';
    }
  }
  const failed = outcome === 'fail' || outcome === 'timeout';
  return { outcome, location: failed ? withDsecError(session.returnUrl) : session.returnUrl };
}
