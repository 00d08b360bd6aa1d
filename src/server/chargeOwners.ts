import type { PayjpChargeLike } from './types';

/** The metadata key that marks whose charge it is: the customer id, `''` for a guest. */
export const OWNER_KEY = 'react3ds_customer';

/** A charge's ownership marker; `null` when the handler did not create it (no marker). */
export function ownerMarkerOf(charge: PayjpChargeLike): string | null {
  const marker = charge.metadata?.[OWNER_KEY];
  return typeof marker === 'string' ? marker : null;
}

/**
 * Whose each recent charge is, so the handler can refuse a foreign caller before any PAY.JP call
 * and before the finish lock. The marker is written once, when the handler creates the charge, so
 * a remembered one stays true; the finish still re-checks it on its fresh read. Bounded (oldest
 * dropped first), and concurrent lookups of one unknown id share a single PAY.JP read.
 */
export class ChargeOwners {
  private readonly owners = new Map<string, string | null>();
  private readonly reads = new Map<string, Promise<PayjpChargeLike>>();

  constructor(private readonly limit = 1000) {}

  /** The remembered marker: a string, `null` (no marker) or `undefined` (not known here). */
  known(id: string): string | null | undefined {
    return this.owners.get(id);
  }

  /** Remembers the marker of a charge just created or read. */
  remember(id: string, charge: PayjpChargeLike): void {
    this.owners.delete(id);
    this.owners.set(id, ownerMarkerOf(charge));
    if (this.owners.size > this.limit) {
      const oldest = this.owners.keys().next().value;
      if (oldest !== undefined) this.owners.delete(oldest);
    }
  }

  /** Reads a charge with `load`, sharing one read among concurrent callers, and remembers its marker. */
  read(id: string, load: () => Promise<PayjpChargeLike>): Promise<PayjpChargeLike> {
    let pending = this.reads.get(id);
    if (!pending) {
      pending = load().then((charge) => {
        this.remember(id, charge);
        return charge;
      });
      const settled = () => {
        if (this.reads.get(id) === pending) this.reads.delete(id);
      };
      pending.then(settled, settled);
      this.reads.set(id, pending);
    }
    return pending;
  }
}
