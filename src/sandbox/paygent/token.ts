import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors, BodyTooLargeError, mediaType, readBody, sendJson, type CorsPolicy } from '../http';
import type { SandboxState } from '../state';
import { luhn } from '../../core/card/luhn';
import { maskCardNumber, paygentTokenHash } from './tokenHash';

export { PAYGENT_TOKEN_CREATE_PATH } from './tokenPaths';

/** The sandbox's Paygent merchant id (マーチャントID). */
export const SANDBOX_PAYGENT_MERCHANT_ID = '39999';

/** The sandbox's token generation key (トークン生成鍵) that goes with {@link SANDBOX_PAYGENT_MERCHANT_ID}. */
export const SANDBOX_PAYGENT_TOKEN_KEY = 'sandbox-token-key';

/** The sandbox's token receipt hash key (トークン受取ハッシュ鍵): a merchant server checks `hc` with it. */
export const SANDBOX_PAYGENT_HASH_KEY = 'sandbox-token-hash-key';

/** A token is valid for this long after it is issued (`valid_until`). */
export const PAYGENT_TOKEN_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Sandbox-only card numbers that make token creation answer a system result code instead of a
 * token (Paygent has no documented test numbers for these; tokenisation never asks the issuer, so
 * there is no decline at token time).
 */
export const PAYGENT_SANDBOX_RESULT_CARDS: Readonly<Record<string, string>> = {
  '4000000000008005': '8000',
  '4000000000009003': '9000',
};

/** Result codes of PaygentToken.js (Kuroco FAQ `how-can-i-get-card-token`, Paygent token spec). */
export type PaygentTokenResultCode =
  | '0000'
  | '1100'
  | '1200'
  | '1201'
  | '1300'
  | '1301'
  | '1400'
  | '1401'
  | '1500'
  | '1501'
  | '1502'
  | '1600'
  | '1601'
  | '1700'
  | '7000'
  | '7001'
  | '8000'
  | '9000';

const CORS: CorsPolicy = { methods: 'POST, OPTIONS', headers: 'content-type' };
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// PG-TOK §4.2.1: up to 64 bytes of half-width letters, digits, symbols, kana and spaces (one byte
// each in Paygent's Shift_JIS count). The kit's card form is stricter (45, no kana) for 3-D Secure.
const NAME_PATTERN = /^[\x20-\x7E\uFF61-\uFF9F]{1,64}$/;

type Fields = Record<string, string>;

class ResultError extends Error {
  constructor(readonly result: PaygentTokenResultCode) {
    super(result);
  }
}


/** `tok_` and 26 letters or digits, like Kuroco's sample `tok_CY9YQzCwS8Efm1ngz6jM7cKr4a`. */
function newToken(): string {
  const bytes = randomBytes(26);
  let out = 'tok_';
  for (const byte of bytes) out += ALNUM[byte % ALNUM.length];
  return out;
}

/** `YYYYMMDDHHmmss` in Japan time. */
function paygentTime(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** `count` characters of [A-Za-z0-9] drawn from `bytes` (PG-TOK §4.3.1: the fingerprint is alphanumeric). */
function alphanumeric(bytes: Buffer, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += ALNUM[(bytes[i % bytes.length] ?? 0) % ALNUM.length];
  return out;
}

/** PG-TOK §4.2.1: a single-digit month or year is padded with a leading 0. */
function padDigit(value: string): string {
  return /^\d$/.test(value) ? `0${value}` : value;
}

function checkMerchant(fields: Fields): void {
  const merchantId = fields.merchant_id ?? '';
  const key = fields.token_generate_key ?? '';
  if (merchantId === '') throw new ResultError('1100');
  if (key === '') throw new ResultError('1200');
  if (merchantId !== SANDBOX_PAYGENT_MERCHANT_ID || key !== SANDBOX_PAYGENT_TOKEN_KEY) throw new ResultError('1201');
}

function checkExpiry(year: string, month: string, now: number): void {
  if (year === '') throw new ResultError('1400');
  if (!/^\d{2}$/.test(year)) throw new ResultError('1401');
  if (month === '') throw new ResultError('1500');
  if (!/^(0[1-9]|1[0-2])$/.test(month)) throw new ResultError('1501');
  const today = new Date(now + JST_OFFSET_MS);
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const expiry = (2000 + Number(year)) * 12 + (Number(month) - 1);
  if (expiry < current || expiry > current + 20 * 12) throw new ResultError('1502');
}

function checkCvc(cvc: string, required: boolean): void {
  if (cvc === '') {
    if (required) throw new ResultError('1601');
    return;
  }
  if (!/^\d{3,4}$/.test(cvc)) throw new ResultError('1600');
}

function cardToken(state: SandboxState, fields: Fields): Record<string, unknown> {
  const number = fields.card_number ?? '';
  if (number === '') throw new ResultError('1300');
  const forced = PAYGENT_SANDBOX_RESULT_CARDS[number] as PaygentTokenResultCode | undefined;
  if (forced) throw new ResultError(forced);
  if (!/^\d{14,16}$/.test(number) || !luhn(number)) throw new ResultError('1301');
  const now = state.kuroco.now();
  checkExpiry(padDigit(fields.expire_year ?? ''), padDigit(fields.expire_month ?? ''), now);
  checkCvc(fields.cvc ?? '', false);
  const name = fields.name ?? '';
  if (name !== '' && !NAME_PATTERN.test(name)) throw new ResultError('1700');

  const token = newToken();
  const masked = maskCardNumber(number);
  // Stable per card within one sandbox instance, as a fingerprint should be; reveals nothing.
  const fingerprint = alphanumeric(createHmac('sha256', state.signingKey).update(`paygent-card:${number}`).digest(), 32);
  const validUntil = paygentTime(now + PAYGENT_TOKEN_LIFETIME_MS);
  return {
    result: '0000',
    tokenizedCardObject: { token, masked_card_number: masked, valid_until: validUntil, fingerprint },
    hc: paygentTokenHash({ token, maskedCardNumber: masked, validUntil, fingerprint }, SANDBOX_PAYGENT_HASH_KEY),
  };
}

function cvcToken(state: SandboxState, fields: Fields): Record<string, unknown> {
  checkCvc(fields.cvc ?? '', true);
  const token = newToken();
  const validUntil = paygentTime(state.kuroco.now() + PAYGENT_TOKEN_LIFETIME_MS);
  // PG-TOK §4.3.2: a CVC token answers only token, valid_until and result (no hc).
  return { result: '0000', tokenizedCardObject: { token, valid_until: validUntil } };
}

/** The answer for one token request: a token, or `{ result }` with the first check that failed. */
export function createPaygentTokenAnswer(state: SandboxState, fields: Fields): Record<string, unknown> {
  try {
    checkMerchant(fields);
    switch (fields.token_type ?? 'card') {
      case 'card':
        return cardToken(state, fields);
      case 'cvc':
        return cvcToken(state, fields);
      default:
        return { result: '9000' };
    }
  } catch (error) {
    if (error instanceof ResultError) return { result: error.result };
    throw error;
  }
}

async function readFields(req: IncomingMessage): Promise<Fields | null> {
  const text = (await readBody(req)).toString('utf8');
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded' || type === '' || type === 'text/plain') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const fields: Fields = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string' || typeof value === 'number') fields[key] = String(value);
    }
    return fields;
  }
  return null;
}

/**
 * `POST /paygent/token/create`: what the stand-in PaygentToken.js calls. Takes form-encoded (what
 * the script sends: a CORS-simple request) or JSON fields and always answers JSON `{ result, … }`.
 */
export async function handleTokenCreate(req: IncomingMessage, res: ServerResponse, state: SandboxState): Promise<void> {
  applyCors(req, res, CORS);
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST, OPTIONS');
    sendJson(res, 405, { result: '9000' });
    return;
  }
  let fields: Fields | null;
  try {
    fields = await readFields(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendJson(res, 413, { result: '9000' });
    return;
  }
  if (fields === null) {
    sendJson(res, 400, { result: '9000' });
    return;
  }
  sendJson(res, 200, createPaygentTokenAnswer(state, fields));
}
