import type { LedgerStore } from './ledgerStore';
import { CHARGE_THREE_D_SECURE_WINDOW_MS } from './toChargeSummary';

const HOUR = 60 * 60 * 1000;

/** How long a create may hold its order's claim before another create may take over (a crashed server). */
export const ORDER_CLAIM_TTL_MS = 60_000;
/** An open charge answers its order's creates while its 3-D Secure window can still run. */
export const OPEN_ORDER_TTL_MS = CHARGE_THREE_D_SECURE_WINDOW_MS + 5 * 60_000;
/** A paid charge answers its order's creates (the back button after paying) for this long. */
export const PAID_ORDER_TTL_MS = 24 * HOUR;
/** An attempt's record outlives its window so reconcile() can still report it. */
export const ATTEMPT_TTL_MS = CHARGE_THREE_D_SECURE_WINDOW_MS + 24 * HOUR;

/** What the order slot holds: a create in flight (`claim`) or the order's charge. */
export type OrderSlot = { claim: string } | { chargeId: string; paid?: true };

/** What the ledger keeps about one charge (no card data, no customer id). */
export interface AttemptRecord {
  /** Milliseconds since the epoch. */
  createdAt: number;
  amount: number;
  guest: boolean;
  /** The order slot's key, when the charge is its order's one open charge. */
  orderSlot?: string;
}

const encoder = new TextEncoder();

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` name the same order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The store key of an order's slot, or `null` when resolveCharge gave no `orderKey` (every create
 * is then a new charge, as without a ledger). A hash of who pays (the customer, or `guest`), the
 * app's `orderKey` and the server's amount (a changed cart is another order): the key never holds
 * a customer id or order data. The browser's order reference alone never names a slot: the app
 * vouches for the order, which matters for guests, who have no identity of their own.
 */
export async function orderSlotKey(customer: string | null, orderKey: string | undefined, amount: number): Promise<string | null> {
  if (orderKey === undefined) return null;
  const who = customer === null ? ['guest'] : ['customer', customer];
  return `order:${await sha256Hex(canonicalJson([...who, orderKey, amount]))}`;
}

export function attemptKey(chargeId: string): string {
  return `attempt:${chargeId}`;
}

function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

export function parseOrderSlot(value: string | null): OrderSlot | null {
  const parsed = parseJson(value) as Record<string, unknown> | null;
  if (typeof parsed?.claim === 'string') return { claim: parsed.claim };
  if (typeof parsed?.chargeId === 'string') return { chargeId: parsed.chargeId, ...(parsed.paid === true ? { paid: true as const } : {}) };
  return null;
}

export async function readAttempt(store: LedgerStore, chargeId: string): Promise<AttemptRecord | null> {
  const parsed = parseJson(await store.get(attemptKey(chargeId))) as Partial<AttemptRecord> | null;
  if (typeof parsed?.createdAt !== 'number' || typeof parsed.amount !== 'number') return null;
  return {
    createdAt: parsed.createdAt,
    amount: parsed.amount,
    guest: parsed.guest === true,
    ...(typeof parsed.orderSlot === 'string' ? { orderSlot: parsed.orderSlot } : {}),
  };
}

/** Records a new charge and lists it as open (what reconcile() walks). */
export async function openAttempt(store: LedgerStore, chargeId: string, record: AttemptRecord): Promise<void> {
  await store.set(attemptKey(chargeId), JSON.stringify(record), ATTEMPT_TTL_MS);
  await store.addOpen(chargeId, record.createdAt);
}

/**
 * Takes a settled charge off the open list. A paid one keeps answering its order's creates for
 * {@link PAID_ORDER_TTL_MS}; a failed or expired one frees its order for a new charge.
 */
export async function settleAttempt(store: LedgerStore, chargeId: string, paid: boolean): Promise<void> {
  const record = await readAttempt(store, chargeId);
  if (record?.orderSlot) {
    const raw = await store.get(record.orderSlot);
    const slot = parseOrderSlot(raw);
    if (raw !== null && slot && 'chargeId' in slot && slot.chargeId === chargeId) {
      if (paid) await store.set(record.orderSlot, JSON.stringify({ chargeId, paid: true }), PAID_ORDER_TTL_MS);
      else await store.delete(record.orderSlot, raw);
    }
  }
  await store.removeOpen(chargeId);
}
