// Shared by the conformance tests: the sandbox variants the check must recognise.
import { VARIANTS, type VariantName } from '../../src/conformance/variants';

/** The variant a default sandbox must be classified as: the option's documented default. */
export function expectedDefault(option: VariantName): string {
  return VARIANTS[option].default;
}

/** `--sandbox-variant` value of a variant (a rate limit of 2 calls a minute makes the third a 429). */
function argumentOf(option: VariantName, value: string): string {
  return option === 'rateLimit' ? '2/60000' : value;
}

/**
 * Every non-default value of every option, folded into a few sandboxes: set k takes each option's
 * k-th non-default value (cycling), so three runs cover them all and also try the variants together. `rateLimit` gets a set of its own (its 429s stop the other probes).
 * Each set is a list of [option, expected variant, `--sandbox-variant` value].
 */
export function variantSets(): [VariantName, string, string][][] {
  const offered = (Object.keys(VARIANTS) as VariantName[]).map((option) => [option, VARIANTS[option].values.filter((value) => value !== VARIANTS[option].default)] as const);
  const combined = offered.filter(([option]) => option !== 'rateLimit');
  const rounds = Math.max(0, ...combined.map(([, values]) => values.length));
  const sets = Array.from({ length: rounds }, (_, k) => combined.map(([option, values]): [VariantName, string, string] => [option, values[k % values.length]!, argumentOf(option, values[k % values.length]!)]));
  return [...sets, [['rateLimit', 'set', argumentOf('rateLimit', 'set')]]];
}
