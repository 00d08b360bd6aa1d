import { createPayjpBackend, type ThreeDSecureWorkflow } from '../../../src/core';
import { KUROCO_URL } from './backend';

/** The sandbox stands in for PAY.JP on its own origin (api.pay.jp and js.pay.jp in production). */
export const PAYJP_ORIGIN = KUROCO_URL;

export const payjpBackend = createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [PAYJP_ORIGIN] });

export const workflow = (new URLSearchParams(location.search).get('workflow') ?? 'iframe') as ThreeDSecureWorkflow;
