import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { SafeHtml } from './html';

/** Largest request body the sandbox accepts (Kuroco answers 413 above its own limit). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Thrown by {@link readBody} when the body exceeds the limit. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('Request body too large');
  }
}

/**
 * Reads the whole body. An oversized body is drained (not kept) before rejecting, so the client
 * can still read the 413 answer instead of seeing a reset connection.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  if (size > limit) throw new BodyTooLargeError();
  return Buffer.concat(chunks);
}

/** The media type of the request, lower-cased, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const HOST_PATTERN = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin this request reached, from its Host header, so links point back at whichever server
 * mounts the sandbox (its own listener, Vite, Storybook).
 */
export function ownOrigin(req: IncomingMessage): string {
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const host = req.headers.host;
  // Only a plain host[:port] is trusted; anything else falls back to the socket address.
  if (host && HOST_PATTERN.test(host)) {
    try {
      return new URL(`${scheme}://${host}`).origin;
    } catch {
      // e.g. a port above 65535
    }
  }
  const address = req.socket.localAddress ?? '127.0.0.1';
  const hostname = address.includes(':') ? `[${address}]` : address;
  return `${scheme}://${hostname}:${req.socket.localPort ?? 80}`;
}

/** Cookies of the request as a map (first value wins). */
export function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (name && !cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

/** What one stand-in allows cross-origin. */
export interface CorsPolicy {
  methods: string;
  headers: string;
  expose?: string;
  credentials?: boolean;
}

/**
 * CORS for a stand-in API: the app and the sandbox often run on different ports, so the Origin is
 * reflected (never `*`, which cookie credentials would not accept).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  if (policy.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', policy.methods);
  res.setHeader('Access-Control-Allow-Headers', policy.headers);
  if (policy.expose) res.setHeader('Access-Control-Expose-Headers', policy.expose);
  res.setHeader('Access-Control-Max-Age', '600');
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Sends an HTML page. */
export function sendHtml(res: ServerResponse, status: number, page: SafeHtml, headers: Record<string, string> = {}): void {
  const text = page.value;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Waits `ms` milliseconds (no timer at all for 0, so the default adds no latency). */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
