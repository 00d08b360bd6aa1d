// Two throwaway HTTP servers on 127.0.0.1 (two origins, both other than the test page's), driven
// from browser tests through Vitest commands: `api` answers every request with a redirect to
// `elsewhere`, which allows any CORS request, answers like Kuroco and records what reached it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserCommand } from 'vitest/node';

/** One request `elsewhere` received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Origins of the pair (`http://127.0.0.1:{port}`). */
export interface RedirectPair {
  api: string;
  elsewhere: string;
}

let running: Server[] = [];
let received: ReceivedRequest[] = [];

const cors = (request: IncomingMessage): Record<string, string> => ({
  'access-control-allow-origin': request.headers.origin ?? '*',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
});

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Starts the pair; `status` is the redirect `api` answers with (301, 302, 303, 307 or 308). */
export const startRedirectPair: BrowserCommand<[status: number]> = async (_context, status): Promise<RedirectPair> => {
  await stopRedirectPair(_context);
  const elsewhere = await listen((request, response) => {
    received.push({ method: request.method ?? '', path: request.url ?? '', headers: { ...request.headers } });
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors(request)).end();
    response.writeHead(200, { ...cors(request), 'content-type': 'application/json' }).end(JSON.stringify({ errors: [], ids: [9], details: { payment_status: 'paid' } }));
  });
  const api = await listen((request, response) => {
    // The preflight is answered here, so that only the request itself meets the redirect.
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors(request)).end();
    response.writeHead(status, { ...cors(request), location: `${elsewhere}${request.url ?? '/'}` }).end();
  });
  return { api, elsewhere };
};

/** What reached `elsewhere` so far. */
export const redirectedRequests: BrowserCommand<[]> = () => received;

/** Stops the pair and forgets what it saw. */
export const stopRedirectPair: BrowserCommand<[]> = async () => {
  const servers = running;
  running = [];
  received = [];
  await Promise.all(
    servers.map((server) => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      return closed;
    }),
  );
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    startRedirectPair(status: number): Promise<RedirectPair>;
    redirectedRequests(): Promise<ReceivedRequest[]>;
    stopRedirectPair(): Promise<void>;
  }
}
