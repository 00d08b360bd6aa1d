import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, MAX_BODY_BYTES, mediaType, readBody } from '../http';
import { kurocoError } from './envelope';

/** Reads a JSON object body the way Kuroco's API accepts it, or throws the matching Kuroco error. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw kurocoError('payload_too_large', `リクエストが大きすぎます（上限 ${MAX_BODY_BYTES / 1024}KB）。`);
    }
    throw error;
  }
  // Checked after draining the body so the client always reads the answer.
  if (mediaType(req) !== 'application/json') {
    throw kurocoError('bad_request', 'Content-Type は application/json にしてください。');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw kurocoError('bad_request', 'リクエストボディの JSON が正しくありません。');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw kurocoError('bad_request', 'リクエストボディは JSON オブジェクトにしてください。');
  }
  return value as Record<string, unknown>;
}
