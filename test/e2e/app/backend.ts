import { createKurocoBackend } from '../../../src/core';

declare const __SANDBOX_URL__: string;

/** The sandbox's origin; in a real shop, your Kuroco site. */
export const KUROCO_URL = __SANDBOX_URL__;

export const backend = createKurocoBackend({
  baseUrl: KUROCO_URL,
  auth: { type: 'token', token: () => sessionStorage.getItem('demo-token') ?? 'sandbox-access-token' },
  returnPath: '/return.html',
});
