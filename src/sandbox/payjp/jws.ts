import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a `back_url` was refused (shown on the error page). */
export class BackUrlError extends Error {}

const SEGMENT = /^[A-Za-z0-9_-]*$/;

function decodeJson(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new BackUrlError(`back_url の ${what} が JSON として読めません。`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BackUrlError(`back_url の ${what} がオブジェクトではありません。`);
  return value as Record<string, unknown>;
}

/**
 * Verifies `back_url`: a compact JWS, HS256 only, signed with the account's secret key, whose
 * payload is `{"url": "<absolute http(s) URL>"}` (other claims such as `iat` are allowed and
 * ignored). Returns the URL exactly as signed.
 */
export function verifyBackUrl(jws: string, secretKey: string): string {
  const parts = jws.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
    throw new BackUrlError('back_url は compact JWS（header.payload.signature）ではありません。');
  }
  const [header = '', payload = '', signature = ''] = parts;
  const alg = decodeJson(header, 'ヘッダー').alg;
  if (alg !== 'HS256') throw new BackUrlError(`back_url の署名アルゴリズム（alg: ${String(alg)}）は使えません。HS256 で署名してください。`);
  const expected = createHmac('sha256', secretKey).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new BackUrlError('back_url の署名が一致しません。publickey と同じモードの秘密鍵で署名してください。');
  }
  const url = decodeJson(payload, 'ペイロード').url;
  if (typeof url !== 'string') throw new BackUrlError('back_url のペイロードに url（文字列）がありません。');
  // The Location header must be the signed text itself, so it has to be plain printable ASCII.
  if (!/^[\x21-\x7e]+$/.test(url)) throw new BackUrlError('back_url の url に空白や ASCII 以外の文字が含まれています。パーセントエンコードしてください。');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackUrlError('back_url の url が絶対 URL ではありません。');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new BackUrlError('back_url の url は http(s) でなければなりません。');
  return url;
}
