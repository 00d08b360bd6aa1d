/**
 * The API base of an injected `payjp` SDK instance (`Payjp(key, { apibase })` keeps it in
 * `config.apibase`, in payjp 2.x and 3.x), or `undefined` for a factory or an unknown shape.
 * The handler needs it to know which origin PAY.JP's start page is on for the redirect workflow.
 */
export function readSdkApiBase(payjp: unknown): string | undefined {
  if (typeof payjp !== 'object' || payjp === null) return undefined;
  const config = (payjp as { config?: unknown }).config;
  if (typeof config !== 'object' || config === null) return undefined;
  const apibase = (config as { apibase?: unknown }).apibase;
  return typeof apibase === 'string' ? apibase : undefined;
}
