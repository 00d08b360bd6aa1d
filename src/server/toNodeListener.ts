import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from './json';
import { RouteError } from './routeError';
import { rememberNodeRequest } from './nodeRequest';
import type { PayjpHandler } from './types';
import { isUnmatched } from './unmatched';

/** A Node/Express/Connect/Vite middleware: `(req, res, next?)`. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * An outer bound on the request body streamed to the handler; past it the stream fails and the
   * answer is 413. The handler's own cap (16 KiB, counted in bytes while streaming) is the one
   * that normally applies: the body is never buffered here.
   * @default 65536
   */
  maxBodyBytes?: number;
}

/** Node request with what Express and Connect add (all optional). */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown; socket: { encrypted?: boolean } };

const tooLarge = () => new RouteError(413, 'invalid_request', 'The request body is too large');

/** What the listener knows about the body it streams to the handler. */
interface BodySource {
  body: ReadableStream<Uint8Array> | Uint8Array | undefined;
  /** True when the handler refused the body part-way (its cap, or this listener's). */
  refused(): boolean;
  /** Stops streaming to the handler; the rest of the body is discarded unread. */
  abandon(): void;
}

/**
 * The Node request body as a pull-driven ReadableStream: the socket is read only while the handler
 * asks for more, so when the handler stops at its byte cap and cancels, nothing more is buffered.
 * Listeners are attached on the first pull, so a body the handler never reads stays untouched
 * (for `next()`). Past `limit` the stream fails with a 413.
 */
function streamBody(req: IncomingMessage, limit: number): BodySource {
  let size = 0;
  let refused = false;
  let attached = false;
  let detach = (): void => undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (attached) {
          req.resume();
          return;
        }
        attached = true;
        const onData = (chunk: Uint8Array | string) => {
          const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          size += bytes.byteLength;
          if (size > limit) {
            refused = true;
            detach();
            controller.error(tooLarge());
            return;
          }
          controller.enqueue(bytes);
          // Backpressure: read the socket again only when the handler pulls again.
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = () => {
          detach();
          controller.close();
        };
        const onError = (error: unknown) => {
          detach();
          controller.error(error);
        };
        detach = () => {
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('error', onError);
          req.pause();
        };
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
      },
      cancel() {
        refused = true;
        detach();
      },
    },
    // Nothing is read ahead of the handler.
    { highWaterMark: 0 },
  );
  return {
    body,
    refused: () => refused,
    abandon() {
      detach();
      // Drain without keeping anything (Node's own behaviour for an unread body).
      if (!req.readableEnded) req.resume();
    },
  };
}

/** The body to hand on: the stream, or what a body parser (express.json(), …) already consumed. */
function readBody(req: NodeRequest, limit: number): BodySource {
  const method = (req.method ?? 'GET').toUpperCase();
  const none: BodySource = { body: undefined, refused: () => false, abandon: () => undefined };
  if (method === 'GET' || method === 'HEAD') return none;
  if (req.body !== undefined) {
    let bytes: Uint8Array;
    if (typeof req.body === 'string') bytes = new TextEncoder().encode(req.body);
    else if (req.body instanceof Uint8Array) bytes = req.body;
    // express.json() gives an object; urlencoded parsers too (then JSON re-encoding is still fine).
    else bytes = new TextEncoder().encode(JSON.stringify(req.body));
    if (bytes.byteLength > limit) throw tooLarge();
    return { ...none, body: bytes };
  }
  if (req.readableEnded) return none;
  return streamBody(req, limit);
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

function toRequest(req: NodeRequest, source: BodySource): Request {
  const protocol = req.socket.encrypted ? 'https' : 'http';
  const host = req.headers.host ?? 'localhost';
  // Express strips its mount path from req.url; originalUrl keeps it (basePath needs the full path).
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`);
  const headers = toHeaders(req);
  // The body is streamed or re-encoded: its length is whatever the handler counts, never the header's.
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  const body = source.body;
  const withBody = body instanceof ReadableStream || (body !== undefined && body.byteLength > 0);
  // `duplex: 'half'` is what Node's fetch needs for a streamed request body.
  const init = { method: req.method ?? 'GET', headers, ...(withBody ? { body: body as BodyInit, duplex: 'half' } : {}) } as RequestInit;
  const request = new Request(url, init);
  rememberNodeRequest(request, req);
  return request;
}

async function writeResponse(res: ServerResponse, response: Response, extra: Record<string, string> = {}): Promise<void> {
  const headers: Record<string, string | string[]> = { ...extra };
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
    let source: BodySource | undefined;
    void (async () => {
      let request: Request;
      try {
        source = readBody(req as NodeRequest, limit);
        request = toRequest(req as NodeRequest, source);
      } catch (error) {
        const failure = error instanceof RouteError ? error : new RouteError(400, 'invalid_request', 'The request could not be read');
        await writeResponse(res, errorResponse(failure));
        return;
      }
      const response = await handler(request);
      if (next && isUnmatched(response)) {
        // The next middleware may want the body: hand the stream back untouched if nothing was read.
        next();
        return;
      }
      // A body refused part-way is dropped unread, and the connection closes after the answer.
      const refused = source.refused();
      source.abandon();
      await writeResponse(res, response, refused ? { connection: 'close' } : {});
    })().catch((error: unknown) => {
      source?.abandon();
      if (next) next(error);
      else if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}
