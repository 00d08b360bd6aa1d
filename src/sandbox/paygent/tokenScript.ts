import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAYGENT_TOKEN_BUNDLE } from './tokenScript.generated';

/** Where the stand-in PaygentToken.js is served (cf. `https://sandbox.paygent.co.jp/js/PaygentToken.js`). */
export const PAYGENT_TOKEN_JS_PATH = '/paygent/js/PaygentToken.js';

/** The stand-in PaygentToken.js, built from the typed sources in ./tokenScript/ (npm run build:standins). */
export const PAYGENT_TOKEN_SOURCE = PAYGENT_TOKEN_BUNDLE;

/** Serves the stand-in PaygentToken.js (GET and HEAD only). */
export function serveTokenScript(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': Buffer.byteLength(PAYGENT_TOKEN_SOURCE),
    'Cache-Control': 'no-store',
    // Apps may load it cross-origin with crossorigin="anonymous".
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : PAYGENT_TOKEN_SOURCE);
}
