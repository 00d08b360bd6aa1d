import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The shop page the pay.js probes run in, served on 127.0.0.1 (a secure context, as pay.js wants). */
export interface PageHost {
  /** `http://127.0.0.1:PORT/probe`: loads pay.js and holds three mount points and a button. */
  probeUrl: string;
  /** Where the redirect workflow returns (`back_url`). */
  returnUrl: string;
  close(): Promise<void>;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function probePage(payjsUrl: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>react-3ds-kit conformance</title></head>
<body>
<main>
<div id="number" style="width:320px;min-height:40px"></div>
<div id="expiry" style="width:160px;min-height:40px"></div>
<div id="cvc" style="width:120px;min-height:40px"></div>
<button id="go" type="button">go</button>
</main>
<script src="${attribute(payjsUrl)}"></script>
</body></html>`;
}

export function startPageHost(payjsUrl: string): Promise<PageHost> {
  const page = probePage(payjsUrl);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    if (path === '/probe') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
    else if (path === '/returned') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>returned</title><p>returned</p>');
    else res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        probeUrl: `${origin}/probe`,
        returnUrl: `${origin}/returned`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
