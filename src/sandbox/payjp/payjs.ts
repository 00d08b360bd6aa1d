import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay } from '../http';
import { PAYJS_SOURCE } from './assets/payjs';
import type { PayjpState } from './store';

/** Where the stand-in pay.js is served (cf. `https://js.pay.jp/v2/pay.js`). */
export const PAYJS_PATH = '/payjs/v2/pay.js';

/** Serves the stand-in pay.js after `payjsLatencyMs` (GET and HEAD only). */
export async function servePayjs(req: IncomingMessage, res: ServerResponse, state: PayjpState): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  await delay(state.options.payjsLatencyMs);
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': Buffer.byteLength(PAYJS_SOURCE),
    'Cache-Control': 'no-store',
    // Apps may load it cross-origin with crossorigin="anonymous" (SRI, error details).
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : PAYJS_SOURCE);
}
