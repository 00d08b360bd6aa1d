export { runConformance } from './runConformance';
export type { ConformanceOptions } from './runConformance';
export { launchConformanceBrowser } from './browser';
export { formatReport } from './formatReport';
export { parseArgs, UsageError } from './parseArgs';
export type { AssumptionCheck, ConformanceReport, UnknownRow, UnknownStatus } from './types';
export { VARIANTS, VARIANT_NAMES } from './variants';
export type { VariantName } from './variants';
