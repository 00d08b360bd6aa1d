import type { AttemptStore } from '../attempt/attemptStore';
import type { ConfirmOptions } from '../confirm/confirmUntilFinal';
import { ThreeDSecureError } from '../errors';
import type { ThreeDSecureEventListener } from '../events';
import type { PayjpBackend } from './createPayjpBackend';
import type { PayjpCard } from './createPayjpCard';
import { createPayjpFlow } from './engine/createPayjpFlow';
import { tokenResource } from './engine/tokenResource';
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
  /** Monitoring: the run's steps (flow `token`). */
  onEvent?: ThreeDSecureEventListener;
}

/** A token that passed 3-D Secure (the server said so), or the hand-off to the redirect workflow. */
export type VerifiedTokenResult = { status: 'verified'; token: PayjsToken; summary: TokenSummary } | { status: 'redirecting'; token: PayjsToken };

const noPayjp = () => Promise.reject(new ThreeDSecureError('misconfigured', 'Token 3-D Secure is shown by pay.js while creating the token'));

/**
 * Token-time 3-D Secure as one call over the PAY.JP engine: resolves with the verified token (or
 * the redirect hand-off); rejects with the run's typed error. A result that lands late is waited
 * for (`confirmTimeoutMs`, 5 minutes by default); past that, `status_unknown` with the attempt
 * kept for the return page to resume.
 */
export async function createVerifiedToken({ card, signal, onStillConfirming, onEvent, ...options }: CreateVerifiedTokenOptions, cardholder: PayjsCardholder): Promise<VerifiedTokenResult> {
  const flow = createPayjpFlow(tokenResource(card), {
    ...options,
    getPayjp: noPayjp,
    onEvent(event) {
      if (event.type === 'still_waiting') onStillConfirming?.();
      onEvent?.(event);
    },
  });
  const abort = () => flow.cancel();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const state = await flow.start({ cardholder, workflow: options.workflow });
    if (signal?.aborted) throw signal.reason;
    if (state.status === 'succeeded' && state.token && state.result) return { status: 'verified', token: state.token, summary: state.result };
    if (state.step === 'redirecting' && state.token) return { status: 'redirecting', token: state.token };
    throw state.error ?? new ThreeDSecureError('status_unknown', 'Token 3-D Secure ended without a result');
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
