import { ThreeDSecureError } from '../../core/errors';
import { joinListeners } from '../../core/events';
import type { PayjpFlowOptions } from '../../core/payjp/engine/types';
import { usePayjpState } from '../ThreeDSecureProvider';

/** What a hook may set on a PAY.JP flow; the provider gives the rest (backend, attempts, pay.js, defaults). */
export type PayjpHookOptions<TSnapshot> = Partial<
  Pick<
    PayjpFlowOptions<TSnapshot>,
    'workflow' | 'popupFallback' | 'dialogOptions' | 'returnUrl' | 'confirmTimeoutMs' | 'pollDelaysMs' | 'navigate' | 'onSucceeded' | 'onFailed' | 'onEvent'
  >
>;

/**
 * The flow options of this render: the hook's over the provider's. Built on every render and handed
 * to the flow's `setOptions`, so a changed prop or provider value reaches the flow (TanStack's way).
 */
export function usePayjpFlowOptions<TSnapshot>(caller: string, options: PayjpHookOptions<TSnapshot>): PayjpFlowOptions<TSnapshot> {
  const context = usePayjpState(caller);
  const workflow = options.workflow ?? context.workflow;
  return {
    backend: context.backend,
    attempts: context.attempts,
    ...(context.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: context.confirmTimeoutMs }),
    ...options,
    workflow,
    // Every flow of the client reports to its listener and the provider's, then the hook's own.
    onEvent: joinListeners(context.client.onEvent, context.onEvent, options.onEvent),
    getPayjp:
      context.getPayjp ?? (() => Promise.reject(new ThreeDSecureError('misconfigured', `The ${workflow} workflow needs publicKey on <ThreeDSecureProvider>.`))),
  };
}
