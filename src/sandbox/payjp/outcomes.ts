/** `three_d_secure_status` values the sandbox produces (PAY.JP documents a few more). */
export type ThreeDSecureStatus = 'unverified' | 'verified' | 'attempted' | 'failed' | 'error';

/** What the shopper can choose on the sandbox's challenge page (sandbox-only buttons). */
export const PAYJP_CHALLENGE_OUTCOMES = ['verified', 'attempted', 'failed', 'error', 'slow', 'abandon'] as const;
export type PayjpChallengeOutcome = (typeof PAYJP_CHALLENGE_OUTCOMES)[number];

export function isPayjpChallengeOutcome(value: unknown): value is PayjpChallengeOutcome {
  return typeof value === 'string' && (PAYJP_CHALLENGE_OUTCOMES as readonly string[]).includes(value);
}

/** Button labels of the challenge page. */
export const OUTCOME_LABELS: Record<PayjpChallengeOutcome, string> = {
  verified: '認証する',
  attempted: 'アテンプト',
  failed: '認証に失敗する',
  error: 'エラー',
  slow: '認証する（カード会社の応答が遅い）',
  abandon: '閉じる',
};

/** The `three_d_secure_status` an outcome leads to; `abandon` gives no result at all. */
export function statusOf(outcome: Exclude<PayjpChallengeOutcome, 'abandon'>): Exclude<ThreeDSecureStatus, 'unverified'> {
  return outcome === 'slow' ? 'verified' : outcome;
}

/**
 * What 3-D Secure does for a card: `'challenge'` shows the outcome buttons; the others are
 * frictionless (the challenge page completes itself with that result on load).
 */
export type SandboxTdsBehaviour = 'challenge' | 'verified' | 'attempted' | 'failed';

/**
 * Sandbox-only card numbers that choose the 3-D Secure behaviour (PAY.JP has no 3-D Secure test
 * cards). Every other card gets the challenge buttons, as `4000000000003220` does.
 */
export const PAYJP_SANDBOX_TDS_CARDS: Readonly<Record<string, SandboxTdsBehaviour>> = {
  '4000000000003055': 'verified',
  '4000000000003063': 'attempted',
  '4000000000003071': 'failed',
  '4000000000003220': 'challenge',
};
