import { randomBytes, randomUUID } from 'node:crypto';
import type { ChallengeSession, SandboxState } from '../state';

/** The challenge outcomes the sandbox's challenge page offers (sandbox-only buttons). */
export type SandboxChallengeOutcome =
  /** Authentication passes and the authorization succeeds: the order becomes `paid`. */
  | 'pass'
  /** Authentication fails: back with `dsec_error=1`, order stays `payment_failed`. */
  | 'fail'
  /** The shopper times out at the issuer: back with `dsec_error=1`, order stays `payment_failed`. */
  | 'timeout'
  /** Authentication passes but the card authorization fails: back without `dsec_error`, order stays `payment_failed`. */
  | 'pass_auth_fail';

/** Every {@link SandboxChallengeOutcome}, in the order the challenge page shows them. */
export const SANDBOX_CHALLENGE_OUTCOMES: readonly SandboxChallengeOutcome[] = ['pass', 'fail', 'timeout', 'pass_auth_fail'];

export function isChallengeOutcome(value: unknown): value is SandboxChallengeOutcome {
  return typeof value === 'string' && (SANDBOX_CHALLENGE_OUTCOMES as readonly string[]).includes(value);
}

/** Starts a 3-D Secure transaction for an order. */
export function createChallenge(state: SandboxState, orderId: number, amount: number, returnUrl: string): ChallengeSession {
  const session: ChallengeSession = {
    id: randomBytes(18).toString('base64url'),
    transactionId: randomUUID(),
    orderId,
    amount,
    returnUrl,
    createdAt: state.kuroco.now(),
    completed: false,
  };
  state.challenges.set(session.id, session);
  return session;
}
