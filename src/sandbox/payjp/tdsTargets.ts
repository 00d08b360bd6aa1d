import type { ThreeDSecureStatus } from './outcomes';
import type { CardRecord, PayjpState, TdsFlowRecord } from './store';
import { flowPhase } from './tdsFlow';
import { viewTdsr } from './threeDSecureRequests';

/**
 * Where a 3-D Secure attempt stands, for the start and complete pages. `not_in_flow`: a charge or
 * token that was not created with `three_d_secure=true`.
 */
export type TdsPhase = 'open' | 'finished' | 'expired' | 'not_in_flow';

/**
 * Something `/v1/tds/{id}/start` can authenticate: a customer card's `tdsr_…`, a charge `ch_…` or
 * a token `tok_…` (the last two created with `three_d_secure=true`).
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
  const resource = id.startsWith('ch_') ? state.charges.get(id) : id.startsWith('tok_') ? state.tokens.get(id) : undefined;
  if (!resource) return null;
  return flowTarget(state, id, resource.tds, resource.created, state.cards.get(resource.cardId));
}

function flowTarget(state: PayjpState, id: string, flow: TdsFlowRecord | null, createdMs: number, card: CardRecord | undefined): TdsTarget {
  return {
    id,
    card,
    phase: () => flowPhase(state, flow, createdMs),
    start() {
      if (flow) flow.startedAt ??= state.options.now();
    },
    complete(status, at) {
      if (!flow) return;
      flow.startedAt ??= state.options.now();
      flow.result = { status, at };
    },
  };
}
