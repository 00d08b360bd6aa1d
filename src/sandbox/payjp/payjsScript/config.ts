import { ALLOWED_OVERRIDES, type PayjsDefaults } from './defaults';

/** Written by the sandbox around the built script: the options of createSandbox({ payjp }). */
declare const PAYJS_SANDBOX_DEFAULTS: PayjsDefaults;

const script = document.currentScript as HTMLScriptElement | null;
const scriptUrl = script && script.src ? new URL(script.src, window.location.href) : null;

/** The origin that served this script: the sandbox, wherever it is mounted. */
export const sandboxOrigin = scriptUrl ? scriptUrl.origin : window.location.origin;

function readConfig(defaults: PayjsDefaults, url: URL | null): PayjsDefaults {
  const config: Record<string, unknown> = { ...defaults };
  if (url) {
    for (const key of Object.keys(ALLOWED_OVERRIDES) as (keyof PayjsDefaults)[]) {
      const value = url.searchParams.get(key);
      if (value === null) continue;
      const allowed = ALLOWED_OVERRIDES[key];
      if (!allowed.includes(value)) throw new TypeError(`pay.js (sandbox): ${key} must be one of ${allowed.join(', ')}`);
      config[key] = key === 'payjsHelperFrames' ? value === 'true' : value;
    }
  }
  return config as unknown as PayjsDefaults;
}

/**
 * The sandbox's pay.js options, then this page's overrides from the script URL's query
 * (?payjsOverlay=container&…), so one sandbox serves a whole variant matrix.
 */
export const CONFIG: PayjsDefaults = readConfig(PAYJS_SANDBOX_DEFAULTS, scriptUrl);
