import type { AttemptStore } from '../attempt/attemptStore';
import { ThreeDSecureError } from '../errors';
import type { PayjpBackend } from './createPayjpBackend';
import type { PayjpCard } from './createPayjpCard';
import { leaveForStartPage } from './leaveForStartPage';
import type { PayjsCardholder, PayjsToken, ThreeDSecureDialogOptions, ThreeDSecureWorkflow } from './payjs';
import type { TokenSummary } from './protocol';

export interface CreateVerifiedTokenOptions {
  card: PayjpCard;
  backend: PayjpBackend;
  attempts: AttemptStore;
  /** The provider's workflow: payjs shows the issuer itself for iframe and sub-window. */
  workflow: ThreeDSecureWorkflow;
  dialogOptions?: ThreeDSecureDialogOptions;
  /** Redirect workflow: one of the server's `returnUrls`. */
  returnUrl?: string;
  /** Redirect workflow: how to leave. @default location.assign */
  navigate?(url: string): void;
}

/** A token that passed 3-D Secure (the server said so), or the hand-off to the redirect workflow. */
export type VerifiedTokenResult = { status: 'verified'; token: PayjsToken; summary: TokenSummary } | { status: 'redirecting'; token: PayjsToken };

/**
 * Token-time 3-D Secure (トークン作成時の3Dセキュア): payjs creates the token with
 * `three_d_secure: true` and shows the issuer; then the server checks the token's status (and calls
 * `tokens/{id}/tds_finish` where the workflow left it open) before the app may use it.
 */
export async function createVerifiedToken(options: CreateVerifiedTokenOptions, cardholder: PayjsCardholder): Promise<VerifiedTokenResult> {
  const token = await options.card.createToken(cardholder, { threeDSecure: true, ...(options.dialogOptions ? { dialogOptions: options.dialogOptions } : {}) });
  if (options.workflow === 'redirect') {
    await leaveForStartPage({ ...options, kind: 'token', resourceId: token.id });
    return { status: 'redirecting', token };
  }
  const summary = await options.backend.finishToken(token.id);
  if (summary.outcome === 'succeeded') return { status: 'verified', token, summary };
  if (summary.outcome === 'expired') throw new ThreeDSecureError('expired', `${token.id} expired before 3-D Secure finished`);
  if (summary.attemptedRefused) throw new ThreeDSecureError('attempted_not_accepted', `${token.id} ended as attempted, which the server does not accept`);
  throw new ThreeDSecureError('three_d_secure_failed', `${token.id} ended as ${summary.threeDSecureStatus ?? 'unknown'}`);
}
