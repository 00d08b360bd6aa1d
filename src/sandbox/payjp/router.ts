import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors, BodyTooLargeError, delay, mediaType, readBody, sendJson, type CorsPolicy } from '../http';
import { findRoute } from '../router';
import type { ApiAnswer, ApiRoute } from './api';
import { authenticate, publicKeyNotAllowed } from './auth';
import { chargeRoutes } from './charges';
import { customerRoutes } from './customers';
import { PayjpApiError, sendPayjpError } from './errors';
import { isPayjsPath, servePayjs } from './payjs';
import { checkRateLimit } from './rateLimit';
import type { PayjpState } from './store';
import { handleTdsPage, TDS_PREFIX } from './tdsPages';
import { threeDSecureRequestRoutes } from './threeDSecureRequests';
import { tokenRoutes } from './tokens';

// payjs calls `POST /v1/tokens` from the shop's page with the public key (Basic auth, no cookies).
const PAYJP_CORS: CorsPolicy = {
  methods: 'GET, POST, DELETE, OPTIONS',
  headers: 'authorization, content-type, x-payjp-direct-token-generate',
};

/** Prefix of the PAY.JP API (what the SDK's `apibase` ends with). */
export const PAYJP_API_PREFIX = '/v1';

/** Every `/v1` endpoint. */
const API_ROUTES: ApiRoute[] = [...tokenRoutes, ...customerRoutes, ...chargeRoutes, ...threeDSecureRequestRoutes];

async function readInput(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  if (req.method === 'GET' || req.method === 'DELETE') return url.searchParams;
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new PayjpApiError(413, 'client_error', 'Request body too large.');
    throw error;
  }
  if (body.length === 0) return new URLSearchParams();
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    throw new PayjpApiError(400, 'client_error', 'Request bodies must be application/x-www-form-urlencoded.', 'invalid_querystring');
  }
  return new URLSearchParams(body.toString('utf8'));
}

async function answer(req: IncomingMessage, url: URL, state: PayjpState): Promise<ApiAnswer> {
  const key = authenticate(req, state.options);
  const path = url.pathname.slice(PAYJP_API_PREFIX.length).replace(/\/$/, '');
  const lookup = findRoute(API_ROUTES, req.method, path);
  if (lookup.kind === 'none') {
    throw new PayjpApiError(404, 'client_error', `Unrecognized request URL (${req.method ?? ''}: ${url.pathname})`, 'not_found');
  }
  if (lookup.kind === 'wrong_method') {
    throw new PayjpApiError(405, 'not_allowed_method_error', `Method not allowed: ${req.method ?? ''}`, 'not_allowed_method', undefined, { Allow: lookup.allow.join(', ') });
  }
  if (lookup.route.auth === 'secret' && key === 'public') throw publicKeyNotAllowed();
  const input = await readInput(req, url);
  return lookup.route.handle({ req, state, key, params: lookup.params, input });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, state: PayjpState): Promise<void> {
  applyCors(req, res, PAYJP_CORS);
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  await delay(state.options.latencyMs);
  try {
    checkRateLimit(state);
    const { status, body } = await answer(req, url, state);
    sendJson(res, status, body);
  } catch (error) {
    if (!(error instanceof PayjpApiError)) throw error;
    sendPayjpError(res, error);
  }
}

/**
 * Answers the PAY.JP stand-in's paths: the `/v1` API, the 3-D Secure pages under `/v1/tds/` and
 * the stand-in pay.js. Returns false for paths it does not know.
 */
export function createPayjpRouter(state: PayjpState) {
  return async function handlePayjp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (isPayjsPath(url.pathname)) {
      await servePayjs(req, res, state, url);
      return true;
    }
    if (url.pathname.startsWith(TDS_PREFIX) && (await handleTdsPage(req, res, url, state))) return true;
    if (url.pathname === PAYJP_API_PREFIX || url.pathname.startsWith(`${PAYJP_API_PREFIX}/`)) {
      await handleApi(req, res, url, state);
      return true;
    }
    return false;
  };
}
