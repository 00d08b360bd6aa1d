import { randomBytes } from 'node:crypto';

/** A PAY.JP-looking id: the prefix (`tok`, `car`, `cus`, `tdsr`, …), `_`, 30 hex digits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(15).toString('hex')}`;
}

/** Unix seconds, as PAY.JP's timestamps. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
