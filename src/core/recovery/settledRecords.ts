/**
 * A payment this browser saw succeed, kept per key (an order, a card) so that the back button, a
 * reload or another tab shows the result instead of offering to pay again. No card data: a status,
 * a time and, for charges, the charge id.
 */
export interface SettledRecord {
  status: 'succeeded';
  /** Epoch milliseconds when it settled. */
  at: number;
  /** The PAY.JP charge, when there is one (`ch_…`). */
  chargeId?: string;
}

/** Reads and writes settled records (localStorage by default: shared by the origin's tabs). */
export interface SettledRecords {
  read(key: string): SettledRecord | null;
  write(key: string, record: SettledRecord): void;
  remove(key: string): void;
}

/** localStorage key prefix of settled records. */
export const SETTLED_STORAGE_PREFIX = 'react-3ds-kit:settled:';
/** How long a settled record answers for its key. @default one day */
export const SETTLED_TTL_MS = 24 * 60 * 60 * 1000;

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

// Any script of the origin can write localStorage: only the exact shape the kit writes counts.
function readRecord(raw: string | null, now: number, ttlMs: number): SettledRecord | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof SettledRecord, unknown>> | null;
    if (value?.status !== 'succeeded' || typeof value.at !== 'number' || !Number.isFinite(value.at)) return null;
    if (now - value.at > ttlMs || value.at > now + 60_000) return null;
    if (value.chargeId !== undefined && (typeof value.chargeId !== 'string' || !/^ch_[A-Za-z0-9]{1,64}$/.test(value.chargeId))) return null;
    return { status: 'succeeded', at: value.at, ...(value.chargeId ? { chargeId: value.chargeId } : {}) };
  } catch {
    return null;
  }
}

/**
 * Settled records over localStorage (or the given storage); in memory when storage is unusable.
 * Records older than `ttlMs` read as absent.
 */
export function createSettledRecords(storage: Storage | null = defaultStorage(), options: { ttlMs?: number; now?(): number } = {}): SettledRecords {
  const memory = new Map<string, string>();
  const ttlMs = options.ttlMs ?? SETTLED_TTL_MS;
  const now = options.now ?? Date.now;
  const get = (key: string) => {
    try {
      return storage ? storage.getItem(SETTLED_STORAGE_PREFIX + key) : (memory.get(key) ?? null);
    } catch {
      return memory.get(key) ?? null;
    }
  };
  return {
    read: (key) => readRecord(get(key), now(), ttlMs),
    write(key, record) {
      const raw = JSON.stringify(record);
      memory.set(key, raw);
      try {
        storage?.setItem(SETTLED_STORAGE_PREFIX + key, raw);
      } catch {
        // Quota or privacy mode: this page still remembers.
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(SETTLED_STORAGE_PREFIX + key);
      } catch {
        // Nothing to do.
      }
    },
  };
}

/** The tab/settled key of a checkout's `order` reference: stable JSON (object keys sorted). */
export function orderTabKey(order: unknown): string {
  const canonical = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
      return `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
        .join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
  };
  return `order:${canonical(order)}`;
}
