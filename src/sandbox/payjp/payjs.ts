import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay } from '../http';
import { payjsSource } from './payjsSource';
import type { PayjpState } from './store';

/** Where the stand-in pay.js is served (cf. `https://js.pay.jp/v2/pay.js`). */
export const PAYJS_PATH = '/payjs/v2/pay.js';
/** The stand-in's hosted challenge frame (payjsOverlay 'foreign-frame'): forwards to the start page. */
export const PAYJS_FRAME_PATH = '/payjs/v2/three-d-secure-frame';
/** The stand-in's hidden helper frame (payjsHelperFrames), cf. real pay.js's API tunnel frame. */
export const PAYJS_TUNNEL_PATH = '/payjs/v2/apitunnel.html';

/** Whether `pathname` is one of the stand-in pay.js's own paths. */
export function isPayjsPath(pathname: string): boolean {
  return pathname === PAYJS_PATH || pathname === PAYJS_FRAME_PATH || pathname === PAYJS_TUNNEL_PATH;
}

function allowGet(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
  return false;
}

/** Serves the stand-in pay.js (after `payjsLatencyMs`), its hosted frame and its helper frame. */
export async function servePayjs(req: IncomingMessage, res: ServerResponse, state: PayjpState, url: URL): Promise<void> {
  if (!allowGet(req, res)) return;
  if (url.pathname === PAYJS_FRAME_PATH) {
    // Only to the sandbox's own start page: the id is a path segment, the rest a fixed query.
    const id = url.searchParams.get('id') ?? '';
    const query = new URLSearchParams();
    for (const name of ['publickey', 'workflow', 'origin']) query.set(name, url.searchParams.get(name) ?? '');
    res.writeHead(302, { Location: `/v1/tds/${encodeURIComponent(id)}/start?${query.toString()}`, 'Cache-Control': 'no-store' }).end();
    return;
  }
  if (url.pathname === PAYJS_TUNNEL_PATH) {
    const page = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>pay.js helper (sandbox)</title>';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page), 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : page);
    return;
  }
  await delay(state.options.payjsLatencyMs);
  const source = payjsSource(state.options.payjs);
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': Buffer.byteLength(source),
    'Cache-Control': 'no-store',
    // Apps may load it cross-origin with crossorigin="anonymous" (SRI, error details).
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : source);
}
