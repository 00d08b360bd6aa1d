import { createAttemptId, type AttemptStore, type PayjpAttempt } from '../attempt/attemptStore';
import type { PayjpBackend } from './createPayjpBackend';

export interface LeaveForStartPageOptions {
  backend: PayjpBackend;
  attempts: AttemptStore;
  kind: PayjpAttempt['kind'];
  /** `tdsr_…`, `ch_…` or `tok_…` */
  resourceId: string;
  chargeTag?: string | undefined;
  /** One of the server's `returnUrls`. */
  returnUrl?: string | undefined;
  /** Leaves for PAY.JP's start page (the flow marks itself `redirecting` first). */
  navigate(url: string): void;
  signal?: AbortSignal;
}

/**
 * The redirect workflow's hand-off: get PAY.JP's start URL from the backend, save the attempt
 * (PAY.JP adds nothing to the return URL, so the id must survive in this tab), then leave.
 */
export async function leaveForStartPage(options: LeaveForStartPageOptions): Promise<void> {
  const url = await options.backend.createRedirectUrl(options.resourceId, options.returnUrl ? { returnUrl: options.returnUrl } : {}, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.chargeTag ? { chargeTag: options.chargeTag } : {}),
  });
  options.attempts.save({
    provider: 'payjp',
    id: createAttemptId(),
    kind: options.kind,
    resourceId: options.resourceId,
    createdAt: Date.now(),
    ...(options.chargeTag ? { chargeTag: options.chargeTag } : {}),
  });
  options.navigate(url);
}
