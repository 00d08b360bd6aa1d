import type { ThreeDSecureErrorCode } from '../errors';

/**
 * The failures that are final: the return flow settles an attempt with one of these (and only these),
 * so a reload shows it again. A stored outcome with any other code is not one the kit wrote.
 */
export const SETTLED_FAILURE_CODES: ReadonlySet<ThreeDSecureErrorCode> = new Set<ThreeDSecureErrorCode>([
  'three_d_secure_failed',
  'authorization_failed',
  'attempted_not_accepted',
  'expired',
  'card_declined',
]);

/** How a saved attempt ended, once the return page has confirmed it. */
export type AttemptOutcome = { status: 'succeeded' } | { status: 'failed'; code: ThreeDSecureErrorCode };

/** A Kuroco purchase handed off to 3-D Secure: what the return page needs to confirm it. */
export interface KurocoAttempt {
  provider: 'kuroco';
  /** Random id of this attempt, distinct per purchase. */
  id: string;
  orderIds: number[];
  /** Epoch milliseconds when the hand-off started. */
  createdAt: number;
  /** Set once the outcome is confirmed: a reloaded return page shows it again without new requests. */
  outcome?: AttemptOutcome;
}

/** A PAY.JP 3-D Secure under way: handed to the redirect workflow, or shown in an iframe or sub-window. */
export interface PayjpAttempt {
  provider: 'payjp';
  id: string;
  /** What is being authenticated: a saved card (`tdsr_…`), a charge (`ch_…`) or a token (`tok_…`). */
  kind: 'card' | 'charge' | 'token';
  /** PAY.JP adds nothing to the return URL, so this id is how the return page finds the resource. */
  resourceId: string;
  /** Guest checkout: the charge's tag, needed to read it back (not a secret beyond this tab). */
  chargeTag?: string;
  createdAt: number;
  outcome?: AttemptOutcome;
  /**
   * Where the challenge was shown. Set by the iframe and sub-window flows, which save the attempt
   * too so a reload resumes confirming it; absent on redirect attempts (the return page's).
   */
  workflow?: 'iframe' | 'subwindow';
  /** Saved-card verification: the card (`car_…`), so only that card's button resumes it. */
  cardId?: string;
}

/** Any attempt the kit saves across a full-page 3-D Secure round trip. */
export type SavedAttempt = KurocoAttempt | PayjpAttempt;

/** Reads and writes the one attempt of this tab (sessionStorage: per tab, gone when the tab closes). */
export interface AttemptStore {
  save(attempt: SavedAttempt): void;
  load(): SavedAttempt | null;
  settle(id: string, outcome: AttemptOutcome): void;
  clear(): void;
}

/** sessionStorage key under which the attempt is kept. */
export const ATTEMPT_STORAGE_KEY = 'react-3ds-kit:attempt';

// The stored attempt is read back from sessionStorage, which any script of the origin can write:
// every field is checked for the exact shape the kit saves, so a tampered entry is no attempt at all.
const RESOURCE_PREFIX: Record<PayjpAttempt['kind'], string> = { card: 'tdsr', charge: 'ch', token: 'tok' };

function isAttempt(value: unknown): value is SavedAttempt {
  const v = value as Partial<Record<keyof KurocoAttempt | keyof PayjpAttempt | 'code' | 'status', unknown>> | null;
  const outcome = v?.outcome as typeof v;
  const fits =
    typeof v?.id === 'string' &&
    v.id !== '' &&
    Number.isFinite(v.createdAt) &&
    // A Set, not an object lookup: `constructor` or `__proto__` is no code.
    (outcome === undefined || (outcome?.status === 'succeeded' ? outcome.code === undefined : outcome?.status === 'failed' && SETTLED_FAILURE_CODES.has(outcome.code as ThreeDSecureErrorCode)));
  if (!fits) return false;
  if (v.provider === 'kuroco') return Array.isArray(v.orderIds) && v.orderIds.length > 0 && v.orderIds.every((id) => Number.isSafeInteger(id) && id > 0);
  const prefix = typeof v.kind === 'string' && Object.hasOwn(RESOURCE_PREFIX, v.kind) ? RESOURCE_PREFIX[v.kind as PayjpAttempt['kind']] : '-';
  return (
    v.provider === 'payjp' &&
    typeof v.resourceId === 'string' &&
    new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`).test(v.resourceId) &&
    (v.chargeTag === undefined || (typeof v.chargeTag === 'string' && /^[\w-]{1,128}$/.test(v.chargeTag)))
  );
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Some privacy modes throw on access.
    return null;
  }
}

/**
 * An attempt store over `sessionStorage` (or the given storage). When storage is unusable (server
 * rendering, blocked storage) it keeps the attempt in memory, which at least survives in-page retries.
 */
export function createAttemptStore(storage: Storage | null = defaultStorage(), key = ATTEMPT_STORAGE_KEY): AttemptStore {
  let memory: SavedAttempt | null = null;

  const write = (attempt: SavedAttempt | null) => {
    memory = attempt;
    if (!storage) return;
    try {
      if (attempt) storage.setItem(key, JSON.stringify(attempt));
      else storage.removeItem(key);
    } catch {
      // Quota or privacy mode: the in-memory copy stands in.
    }
  };

  return {
    save: (attempt) => write(attempt),
    load() {
      if (storage) {
        try {
          const raw = storage.getItem(key);
          if (raw !== null) {
            const parsed: unknown = JSON.parse(raw);
            if (isAttempt(parsed)) return parsed;
          }
        } catch {
          // Unreadable or corrupt: fall back to memory rather than lose an attempt made in this page.
        }
      }
      return memory;
    },
    settle(id, outcome) {
      const current = this.load();
      if (current && current.id === id) write({ ...current, outcome });
    },
    clear: () => write(null),
  };
}

/** A random attempt id (not a secret; it only tells attempts apart). */
export function createAttemptId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return `att_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
