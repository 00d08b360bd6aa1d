import { createPayjpBackend, type ThreeDSecureWorkflow } from '../../../src/core';
import { KUROCO_URL } from './backend';

/** The sandbox stands in for PAY.JP on its own origin (api.pay.jp and js.pay.jp in production). */
export const PAYJP_ORIGIN = KUROCO_URL;

export const payjpBackend = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [PAYJP_ORIGIN] });

/** The handler with `attemptReferences` on (`?api=refs`): charges return to /recover.html with a signed reference. */
export const PAYJP_REFS_BASE = '/api/payjp-refs';
export const payjpRefsBackend = createPayjpBackend({ baseUrl: PAYJP_REFS_BASE, allowedStartOrigins: [PAYJP_ORIGIN] });
export const pageBackend = new URLSearchParams(location.search).get('api') === 'refs' ? payjpRefsBackend : payjpBackend;

export const workflow = (new URLSearchParams(location.search).get('workflow') ?? 'iframe') as ThreeDSecureWorkflow;

// The stand-in pay.js's per-page variants, passed through from this page's query (e.g.
// `?payjsOverlay=container&payjsRejection=nested`): one sandbox serves the whole matrix.
const PAYJS_VARIANTS = ['payjsOverlay', 'payjsHelperFrames', 'payjsRejection', 'payjsLanguage', 'popupBlocking', 'payjsDefaultWorkflow', 'validationErrorShape'];
const variantQuery = new URLSearchParams();
for (const name of PAYJS_VARIANTS) {
  const value = new URLSearchParams(location.search).get(name);
  if (value !== null) variantQuery.set(name, value);
}

/** The stand-in pay.js, with this page's variants. */
export const payjsUrl = `${PAYJP_ORIGIN}/payjs/v2/pay.js${variantQuery.size ? `?${variantQuery.toString()}` : ''}`;
