import type { AttemptStore } from '../attempt/attemptStore';
import { DEFAULT_CONFIRM_TIMEOUT_MS, confirmUntilFinal, type ConfirmOptions } from '../confirm/confirmUntilFinal';
import { ThreeDSecureError } from '../errors';
import type { PayjpBackend } from './createPayjpBackend';
import type { PayjpCard } from './createPayjpCard';
import { forgetAttempt, saveInPageAttempt } from './inPageAttempt';
import { leaveForStartPage } from './leaveForStartPage';
import type { PayjsCardholder, PayjsToken, ThreeDSecureDialogOptions, ThreeDSecureWorkflow } from './payjs';
import type { TokenSummary } from './protocol';

export interface CreateVerifiedTokenOptions extends ConfirmOptions {
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
  /** Called once when the token's result has not come within 10 s (show "still confirming"). */
  onStillConfirming?(): void;
  /** Stops confirming (rejects with the signal's reason); the saved attempt stays. */
  signal?: AbortSignal;
}

/** A token that passed 3-D Secure (the server said so), or the hand-off to the redirect workflow. */
export type VerifiedTokenResult = { status: 'verified'; token: PayjsToken; summary: TokenSummary } | { status: 'redirecting'; token: PayjsToken };

/**
 * Token-time 3-D Secure (トークン作成時の3Dセキュア): payjs creates the token with
 * `three_d_secure: true` and shows the issuer; then the server checks the token's status (and calls
 * `tokens/{id}/tds_finish` where the workflow left it open) before the app may use it. A result that
 * lands late is waited for (`confirmTimeoutMs`, 5 minutes by default); past that, `status_unknown`
 * with the attempt kept for the return page to resume.
 */
export async function createVerifiedToken(options: CreateVerifiedTokenOptions, cardholder: PayjsCardholder): Promise<VerifiedTokenResult> {
  const token = await options.card.createToken(cardholder, { threeDSecure: true, ...(options.dialogOptions ? { dialogOptions: options.dialogOptions } : {}) });
  if (options.workflow === 'redirect') {
    await leaveForStartPage({ ...options, kind: 'token', resourceId: token.id });
    return { status: 'redirecting', token };
  }
  // pay.js ran the challenge before the token's id was known: save it now, before confirming, so
  // a reload or a later visit (useThreeDSecureReturn) can still confirm it.
  const attemptId = saveInPageAttempt(options.attempts, { kind: 'token', resourceId: token.id, workflow: options.workflow });
  const result = await confirmUntilFinal({
    read: (signal) => options.backend.finishToken(token.id, { signal }),
    isFinal: (read) => read.outcome !== 'pending',
    signal: options.signal ?? new AbortController().signal,
    ...(options.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: options.confirmTimeoutMs }),
    ...(options.pollDelaysMs ? { pollDelaysMs: options.pollDelaysMs } : {}),
    defaultTimeoutMs: DEFAULT_CONFIRM_TIMEOUT_MS,
    ...(options.onStillConfirming ? { onStillConfirming: options.onStillConfirming } : {}),
  });
  if (result.kind === 'timeout') {
    throw new ThreeDSecureError('status_unknown', `No 3-D Secure result yet for ${token.id}; check again later`, result.error ? { cause: result.error } : {});
  }
  const summary = result.value;
  forgetAttempt(options.attempts, attemptId);
  if (summary.outcome === 'succeeded') return { status: 'verified', token, summary };
  if (summary.outcome === 'expired') throw new ThreeDSecureError('expired', `${token.id} expired before 3-D Secure finished`);
  if (summary.attemptedRefused) throw new ThreeDSecureError('attempted_not_accepted', `${token.id} ended as attempted, which the server does not accept`);
  throw new ThreeDSecureError('three_d_secure_failed', `${token.id} ended as ${summary.threeDSecureStatus ?? 'unknown'}`);
}
