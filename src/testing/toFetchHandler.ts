import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { SandboxHandler } from '../sandbox/createSandbox';

/** A Fetch-style handler: what MSW resolvers, service workers and edge runtimes speak. */
export type FetchHandler = (request: Request) => Promise<Response>;

type HeaderValue = string | number | readonly string[];

/** The part of Node's ServerResponse the sandbox writes to, collected in memory. */
class CollectedResponse {
  statusCode = 200;
  headersSent = false;
  readonly headers = new Map<string, HeaderValue>();
  readonly chunks: Buffer[] = [];

  constructor(
    private readonly done: () => void,
    private readonly failed: (error: Error) => void,
  ) {}

  setHeader(name: string, value: HeaderValue): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  writeHead(status: number, headers: Record<string, HeaderValue> = {}): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    this.headersSent = true;
    return this;
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    this.headersSent = true;
    this.done();
    return this;
  }

  destroy(): void {
    this.failed(new Error('the sandbox dropped the connection'));
  }

  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headers) {
      for (const item of Array.isArray(value) ? value : [String(value)]) headers.append(name, String(item));
    }
    // 204/304 (and 1xx) take no body in the Fetch API.
    const empty = this.statusCode === 204 || this.statusCode === 304;
    return new Response(empty ? null : Buffer.concat(this.chunks), { status: this.statusCode, headers });
  }
}

/** A Node IncomingMessage lookalike for the sandbox: method, url, headers, socket facts and the body. */
function toIncomingMessage(request: Request, body: Buffer): IncomingMessage {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // Fetch keeps Host out of its headers; the sandbox builds its links from it.
  headers.host = url.host;
  const message = Readable.from(body.length ? [body] : []) as unknown as IncomingMessage;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  Object.assign(message, {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    headers,
    socket: { encrypted: url.protocol === 'https:', localAddress: '127.0.0.1', localPort: port },
  });
  return message;
}

/**
 * Serves Fetch `Request`s from the sandbox's Node handler in memory: no port, no socket. Paths the
 * sandbox does not know answer 404.
 */
export function toFetchHandler(handler: SandboxHandler): FetchHandler {
  return async (request) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await request.arrayBuffer());
    const req = toIncomingMessage(request, body);
    return new Promise<Response>((resolve, reject) => {
      const res = new CollectedResponse(
        () => resolve(res.toResponse()),
        (error) => reject(error),
      );
      handler(req, res as unknown as ServerResponse, (error?: unknown) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
      });
    });
  };
}
