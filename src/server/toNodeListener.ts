import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonResponse } from './json';
import { rememberNodeRequest } from './nodeRequest';
import type { PayjpHandler } from './types';
import { isUnmatched } from './unmatched';

/** A Node/Express/Connect/Vite middleware: `(req, res, next?)`. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Largest request body read from the socket; larger ones get 413 without reaching the handler.
   * @default 65536
   */
  maxBodyBytes?: number;
}

/** Node request with what Express and Connect add (all optional). */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown; socket: { encrypted?: boolean } };

class BodyTooLarge extends Error {}

function readStream(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    req.on('data', (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.byteLength;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(bytes);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The body as bytes, also when a body parser (express.json(), …) already consumed the stream. */
async function readBody(req: NodeRequest, limit: number): Promise<Uint8Array | undefined> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (req.body !== undefined) {
    if (typeof req.body === 'string') return new TextEncoder().encode(req.body);
    if (req.body instanceof Uint8Array) return req.body;
    // express.json() gives an object; urlencoded parsers too (then JSON re-encoding is still fine).
    return new TextEncoder().encode(JSON.stringify(req.body));
  }
  if (req.readableEnded) return undefined;
  return readStream(req, limit);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (:path, …) are not valid Fetch header names.
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function toRequest(req: NodeRequest, limit: number): Promise<Request> {
  const protocol = req.socket.encrypted ? 'https' : 'http';
  const host = req.headers.host ?? 'localhost';
  // Express strips its mount path from req.url; originalUrl keeps it (basePath needs the full path).
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`);
  const body = await readBody(req, limit);
  const headers = toHeaders(req);
  // The body was re-read or re-encoded: its length is whatever it is now.
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  const request = new Request(url, { method: req.method ?? 'GET', headers, ...(body && body.byteLength > 0 ? { body: body as BodyInit } : {}) });
  rememberNodeRequest(request, req);
  return request;
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Runs a Fetch API handler (such as `createPayjpHandler`'s) as Node middleware for Express,
 * Connect, Vite or `http.createServer`. With `next`, paths the handler does not serve go on to
 * the next middleware; without it, they get the handler's JSON 404.
 */
export function toNodeListener(handler: PayjpHandler, options: NodeListenerOptions = {}): NodeListener {
  const limit = options.maxBodyBytes ?? 65_536;
  return (req, res, next) => {
    void (async () => {
      let request: Request;
      try {
        request = await toRequest(req as NodeRequest, limit);
      } catch (error) {
        const tooLarge = error instanceof BodyTooLarge;
        await writeResponse(res, jsonResponse(tooLarge ? 413 : 400, { error: { code: 'invalid_request', message: tooLarge ? 'The request body is too large' : 'The request could not be read' } }));
        return;
      }
      const response = await handler(request);
      if (next && isUnmatched(response)) {
        next();
        return;
      }
      await writeResponse(res, response);
    })().catch((error: unknown) => {
      if (next) next(error);
      else if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}
