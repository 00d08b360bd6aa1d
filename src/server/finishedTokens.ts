import type { FinishedTokens } from './finishTokenFlow';
import type { LedgerStore } from './ledgerStore';

/** A finished token is remembered well past its 30-minute flow (a charge may use it later). */
export const FINISHED_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The finished-token record in the ledger store (`token-finished:{tok_id}`), shared by every
 * server using the store. Only a shortcut: when the store fails, the token is finished (or read
 * as finished) as if unknown, since finishTokenFlow re-reads the token on PAY.JP's refusal.
 */
export function storeFinishedTokens(store: LedgerStore): FinishedTokens {
  const key = (id: string) => `token-finished:${id}`;
  return {
    has: async (id) => (await store.get(key(id)).catch(() => null)) !== null,
    add: async (id) => {
      await store.set(key(id), '1', FINISHED_TOKEN_TTL_MS).catch(() => undefined);
    },
  };
}
