// Shared by the conformance tests: which variants the sandbox on this branch offers, and how the
// stand-in behaved before an unknown became an option (so the check is tested against what exists).
import { resolveKurocoOptions, resolvePayjpOptions } from '../../src/sandbox/options';
import { VARIANTS, type VariantName } from '../../src/conformance/variants';

const payjpOptions = Object.keys(resolvePayjpOptions());
const kurocoOptions = Object.keys(resolveKurocoOptions());

/** Whether the sandbox has the option yet (it lands from other branches). */
export function sandboxOffers(option: VariantName): boolean {
  if (option === 'rateLimit') return payjpOptions.includes('rateLimit');
  return payjpOptions.includes(option) || kurocoOptions.includes(option);
}

// The fixed behaviour of the stand-in before the option existed, where it differs from the default.
const FIXED_BEFORE_OPTION: Partial<Record<VariantName, string>> = {
  payjsHelperFrames: 'false',
  payjsDefaultWorkflow: 'iframe',
  validationErrorShape: 'with-status',
};

/** The variant a default sandbox must be classified as. */
export function expectedDefault(option: VariantName): string {
  return sandboxOffers(option) ? VARIANTS[option].default : (FIXED_BEFORE_OPTION[option] ?? VARIANTS[option].default);
}

/** Every non-default value of every option the sandbox offers, as `--sandbox-variant` arguments. */
export function offeredVariants(): [VariantName, string][] {
  return (Object.keys(VARIANTS) as VariantName[])
    .filter((option) => option !== 'rateLimit' && sandboxOffers(option))
    .flatMap((option) => VARIANTS[option].values.filter((value) => value !== VARIANTS[option].default).map((value): [VariantName, string] => [option, value]));
}
