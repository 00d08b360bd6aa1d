import type { ThreeDSecureStatus } from './outcomes';
import type { CardRecord, PayjpState } from './store';
import { viewTdsr } from './threeDSecureRequests';

/** Where a 3-D Secure attempt stands, for the start and complete pages. */
export type TdsPhase = 'open' | 'finished' | 'expired';

/**
 * Something `/v1/tds/{id}/start` can authenticate. Today only `tdsr_…` (customer card); charges
 * (`ch_…`) and tokens (`tok_…`) add their own adapters in {@link findTdsTarget}.
 */
export interface TdsTarget {
  id: string;
  card: CardRecord | undefined;
  phase(): TdsPhase;
  /** The start page was opened (idempotent). */
  start(): void;
  /** The issuer's result, landing at `at` (ms; later than now for a slow issuer). */
  complete(status: Exclude<ThreeDSecureStatus, 'unverified'>, at: number): void;
}

export function findTdsTarget(state: PayjpState, id: string): TdsTarget | null {
  if (id.startsWith('tdsr_')) {
    const record = state.threeDSecureRequests.get(id);
    if (!record) return null;
    return {
      id,
      card: state.cards.get(record.resourceId),
      phase() {
        const view = viewTdsr(state, record);
        if (view.result !== null || view.pending) return 'finished';
        return view.expiredAt === null ? 'open' : 'expired';
      },
      start() {
        record.startedAt ??= state.options.now();
      },
      complete(status, at) {
        record.startedAt ??= state.options.now();
        record.result = { status, at };
      },
    };
  }
  return null;
}
