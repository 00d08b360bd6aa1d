import { ThreeDSecureError } from '../errors';
import { requestJson } from '../http/requestJson';
import type { ChargeOutcome } from '../payjp/protocol';
import { ATTEMPT_REFERENCE_PARAM } from './attemptOutcome';

/** Options of {@link readAttemptOutcome}. */
export interface ReadAttemptOutcomeOptions {
  /** Where `createPayjpHandler` is mounted (the same `baseUrl` as `createPayjpBackend`'s). */
  baseUrl: string;
  /** The signed reference from the return URL (`?r3ds_attempt=…`). */
  reference: string;
  /** @default 10000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

const OUTCOMES: ReadonlySet<string> = new Set<ChargeOutcome>(['pending', 'succeeded', 'failed', 'expired']);

/**
 * Asks the handler for the outcome of the attempt a signed reference names
 * (`GET {baseUrl}/attempts/{reference}`). A forged or unknown reference is `not_found`, an
 * expired one `expired`; transport failures are `network_error` / `timeout`.
 */
export async function readAttemptOutcome(options: ReadAttemptOutcomeOptions): Promise<ChargeOutcome> {
  const answer = await requestJson({
    url: `${options.baseUrl.replace(/\/+$/, '')}/attempts/${encodeURIComponent(options.reference)}`,
    method: 'GET',
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (answer.status === 404) throw new ThreeDSecureError('not_found', 'No attempt for this reference');
  if (answer.status === 409) throw new ThreeDSecureError('expired', 'The attempt reference has expired');
  if (answer.status !== 200) throw new ThreeDSecureError('backend_error', `The handler answered ${answer.status}`);
  const outcome = (answer.body as { attempt?: { outcome?: unknown } } | undefined)?.attempt?.outcome;
  if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) throw new ThreeDSecureError('invalid_response', 'The attempt answer has no outcome');
  return outcome as ChargeOutcome;
}

/** The attempt reference in a return URL's query (`?r3ds_attempt=…`), or `null`. */
export function readAttemptReference(search: string): string | null {
  const value = new URLSearchParams(search).get(ATTEMPT_REFERENCE_PARAM);
  return value && /^[\w-]{1,400}\.[\w-]{1,100}$/.test(value) ? value : null;
}
