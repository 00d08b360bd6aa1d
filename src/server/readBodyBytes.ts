import { RouteError } from './routeError';

/** Bodies here are a card id, a token id, an order reference or a return URL: anything bigger is not ours. */
export const MAX_BODY_BYTES = 16 * 1024;

function tooLarge(): RouteError {
  return new RouteError(413, 'invalid_request', 'The request body is too large');
}

/**
 * Reads a request body as bytes, counting them as they arrive and cancelling the stream as soon as
 * the count passes `limit`. Content-Length is never trusted (it may be absent or lie), and nothing
 * is decoded before the count is known, so multi-byte characters count as the bytes they are.
 */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  // A declared length above the cap is refused without reading a byte (a smaller one is not trusted).
  if (declared > limit) throw tooLarge();
  const stream = request.body;
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        if (error instanceof RouteError) throw error;
        throw new RouteError(400, 'invalid_request', 'The request body could not be read', { cause: error });
      }
      if (step.done) break;
      size += step.value.byteLength;
      if (size > limit) {
        // Stop the producer: no more of this body is pulled from the socket or the stream.
        reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(step.value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
