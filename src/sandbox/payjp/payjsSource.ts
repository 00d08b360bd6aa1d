import type { PayjsDefaults } from './payjsScript/defaults';
import { PAYJS_BUNDLE } from './payjsScript.generated';

/**
 * The stand-in pay.js as served: the script built from `payjsScript/` (a classic script defining
 * only `window.Payjp`), given the sandbox's pay.js options; the script URL's query overrides them
 * per page.
 */
export function payjsSource(defaults: PayjsDefaults): string {
  return `(function (PAYJS_SANDBOX_DEFAULTS) {\n${PAYJS_BUNDLE}})(${JSON.stringify(defaults)});\n`;
}
