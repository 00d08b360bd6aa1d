/**
 * The sandbox's clock in a test: real time plus an offset the test moves forward, so a result
 * due minutes later (the slow issuer, a late Kuroco status, an expiry) lands at once.
 */
export interface SandboxClock {
  /** Milliseconds, like `Date.now()`: pass it as the sandbox's `now` (payjp and kuroco). */
  now(): number;
  /** Moves the clock forward by `ms` (>= 0); time keeps running from there. */
  advance(ms: number): void;
}

/** A {@link SandboxClock} starting at the real time. */
export function createSandboxClock(): SandboxClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`advance(ms): ms must be a finite number >= 0, got ${String(ms)}`);
      offset += ms;
    },
  };
}
