import type { TabUpdate } from './types';

/** The messages tabs exchange on the coordinator's BroadcastChannel. */
export type TabWire<T> =
  /** Who holds `key`? (a claim or a watch) */
  | { v: 1; type: 'query'; key: string; from: string }
  /** Fallback: `from` wants `key`; the lowest id among rivals wins. */
  | { v: 1; type: 'claiming'; key: string; from: string }
  /** `from` holds `key` (an answer to a query or claim, and the fallback's heartbeat). */
  | { v: 1; type: 'held'; key: string; from: string; last?: TabUpdate<T> }
  | { v: 1; type: 'update'; key: string; from: string; update: TabUpdate<T> }
  | { v: 1; type: 'released'; key: string; from: string };

// Other scripts of the origin can post on the channel too: take only the exact shapes the kit sends.
export function readWire<T>(data: unknown): TabWire<T> | null {
  const wire = data as Partial<Record<string, unknown>> | null;
  if (typeof wire !== 'object' || wire === null || wire.v !== 1 || typeof wire.key !== 'string' || typeof wire.from !== 'string') return null;
  switch (wire.type) {
    case 'query':
    case 'claiming':
    case 'released':
      return wire as TabWire<T>;
    case 'held':
      return wire.last === undefined || isUpdate(wire.last) ? (wire as TabWire<T>) : null;
    case 'update':
      return isUpdate(wire.update) ? (wire as TabWire<T>) : null;
    default:
      return null;
  }
}

function isUpdate(value: unknown): boolean {
  const update = value as { type?: unknown } | null;
  return typeof update === 'object' && update !== null && (update.type === 'progress' || update.type === 'result') && 'data' in update;
}

/** A random id per coordinator (orders rivals in the fallback; not a secret). */
export function createTabId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
