import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the `/v1` API: payjs calls `POST /v1/tokens` from the shop's page with the public key,
 * and the sandbox often runs on another port than the app, so the Origin is reflected.
 */
export function applyPayjpCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-payjp-direct-token-generate');
  res.setHeader('Access-Control-Max-Age', '600');
}
