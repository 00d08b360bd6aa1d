/**
 * What one client remembers for the flows it serves: the runs under way (shared by every hook and
 * component of that client, so a remount sees the run it did not start) and the hand-offs already
 * submitted (one form post per key however often it is rendered). Two clients share nothing.
 */
export interface ClientRegistry {
  /** The value kept under `key`, made by `create` the first time it is asked for. */
  shared<T>(key: string, create: () => T): T;
  /** True the first time `key` is claimed, false after: the caller that gets true submits the hand-off. */
  claimHandOff(key: string): boolean;
}

/** A fresh, empty registry. */
export function createClientRegistry(): ClientRegistry {
  const values = new Map<string, unknown>();
  const handOffs = new Set<string>();
  return {
    shared<T>(key: string, create: () => T): T {
      if (!values.has(key)) values.set(key, create());
      return values.get(key) as T;
    },
    claimHandOff(key) {
      if (handOffs.has(key)) return false;
      handOffs.add(key);
      return true;
    },
  };
}
