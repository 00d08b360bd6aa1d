import type { SandboxOptions } from './options';

/** Named sandbox settings that reproduce production conditions the defaults (instant test mode) hide. */
export interface SandboxPresets {
  /**
   * Production-like lateness: the issuer's result of the PAY.JP `slow` outcome lands 4.5 minutes
   * after the challenge page completes (reports describe results minutes late, with `tds_finish`
   * retried for up to 5 minutes), and a Kuroco order reads `paid` 30 s after a successful
   * challenge. Merge your own options over it: `createSandbox({ ...sandboxPresets.lateIssuer, … })`.
   */
  readonly lateIssuer: Readonly<{ payjp: Readonly<{ slowIssuerMs: number }>; kuroco: Readonly<{ statusDelayMs: number }> }>;
  /**
   * A shopper who never comes back to the shop: once the ACS form is posted, Paygent shows its own
   * error page and never redirects (`kuroco.authentication: 'stranded'`), so the order stays
   * 決済失敗 and the shop's return page is never opened.
   */
  readonly strandedShopper: Readonly<{ kuroco: Readonly<{ authentication: 'stranded' }> }>;
}

/** Ready-made {@link SandboxOptions} fragments, e.g. `createSandbox(sandboxPresets.lateIssuer)`. */
export const sandboxPresets: SandboxPresets = {
  lateIssuer: { payjp: { slowIssuerMs: 270_000 }, kuroco: { statusDelayMs: 30_000 } },
  strandedShopper: { kuroco: { authentication: 'stranded' } },
} satisfies Record<keyof SandboxPresets, SandboxOptions>;

/** The name of one of {@link sandboxPresets}. */
export type SandboxPresetName = keyof SandboxPresets;
