// The sandbox's PaygentToken.js stand-in: the script route, `POST /paygent/token/create` with every
// documented result code, and tokens that the sandbox's Kuroco purchase accepts once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type SandboxServer } from '../../src/sandbox';
import {
  PAYGENT_SANDBOX_RESULT_CARDS,
  PAYGENT_TOKEN_CREATE_PATH,
  SANDBOX_PAYGENT_HASH_KEY,
  SANDBOX_PAYGENT_MERCHANT_ID,
  SANDBOX_PAYGENT_TOKEN_KEY,
} from '../../src/sandbox/paygent/token';
import { PAYGENT_TOKEN_JS_PATH } from '../../src/sandbox/paygent/tokenScript';
import { paygentTokenHash } from '../../src/sandbox/paygent/tokenHash';

// 2030-04-15 12:00 JST, so expiry checks do not depend on the day the tests run.
const NOW = Date.UTC(2030, 3, 15, 3, 0, 0);
let server: SandboxServer;

beforeAll(async () => {
  server = await createSandbox({ kuroco: { now: () => NOW } }).listen();
});
afterAll(() => server.close());

const CARD = {
  token_type: 'card',
  merchant_id: SANDBOX_PAYGENT_MERCHANT_ID,
  token_generate_key: SANDBOX_PAYGENT_TOKEN_KEY,
  card_number: '4111111111111111',
  expire_year: '31',
  expire_month: '12',
  cvc: '123',
  name: 'TARO YAMADA',
};

interface TokenAnswer {
  result: string;
  tokenizedCardObject?: { token: string; masked_card_number?: string; valid_until: string; fingerprint?: string };
  hc?: string;
}

async function createToken(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenAnswer> {
  const response = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as TokenAnswer;
}

async function purchase(cardToken: string) {
  const response = await fetch(`${server.kurocoApiBase}/ec/order`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RCMS-API-ACCESS-TOKEN': 'sandbox-access-token' },
    body: JSON.stringify({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: cardToken, card_options: { card_3dsec_return_url: '/order/3dsec/' } }),
  });
  return { status: response.status, body: (await response.json()) as { ids?: number[]; errors: { code: string; field?: string }[] } };
}

describe('GET /paygent/js/PaygentToken.js', () => {
  it('serves a no-store classic script, built from typed source, that defines window.PaygentToken and posts to the token endpoint', async () => {
    const response = await fetch(`${server.url}${PAYGENT_TOKEN_JS_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const source = await response.text();
    expect(source).toMatch(/window\.PaygentToken = PaygentToken/);
    expect(source).toContain('document.currentScript');
    expect(source).toContain(`"${PAYGENT_TOKEN_CREATE_PATH}"`);
    expect(source).toContain('createCvcToken');
    expect(source).toContain("Not Paygent's code.");
    expect(source).not.toMatch(/console\./);
    // A classic script (what a <script src> of Paygent's loads): no module syntax, no TypeScript left.
    expect(source).not.toMatch(/^\s*(import|export)\b/m);
    expect(source).not.toMatch(/\bas unknown\b|\binterface \w|: (string|boolean|number|unknown)\b[,)=]/);
    expect(() => new Function(source)).not.toThrow();
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await fetch(`${server.url}${PAYGENT_TOKEN_JS_PATH}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${server.url}${PAYGENT_TOKEN_JS_PATH}`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('leaves other /paygent paths to the next handler', async () => {
    expect((await fetch(`${server.url}/paygent/js/other.js`)).status).toBe(404);
  });
});

describe('POST /paygent/token/create', () => {
  it('issues a tok_ token with the masked number, valid_until 10 minutes ahead (JST), a fingerprint and hc', async () => {
    const answer = await createToken(CARD);
    expect(answer.result).toBe('0000');
    const card = answer.tokenizedCardObject!;
    expect(card.token).toMatch(/^tok_[A-Za-z0-9]{26}$/);
    expect(card.masked_card_number).toBe('************1111');
    // 12:00 JST + 10 minutes.
    expect(card.valid_until).toBe('20300415121000');
    expect(card.fingerprint).toMatch(/^[A-Za-z0-9]{32}$/);
    // Paygent's order: token + masked_card_number + valid_until + fingerprint + hash key.
    expect(answer.hc).toBe(
      createHash('sha256').update(`${card.token}${card.masked_card_number}${card.valid_until}${card.fingerprint}${SANDBOX_PAYGENT_HASH_KEY}`).digest('hex'),
    );
    // Nothing of the card beyond the masked number comes back.
    expect(JSON.stringify(answer)).not.toContain('4111111111111111');
    expect(JSON.stringify(answer)).not.toContain('TARO');
  });

  it("computes hc as Paygent's token spec's worked example does (PG-TOK §5)", () => {
    const fields = { token: 'tok_aaaabbbbccccdddd', maskedCardNumber: '************4242', validUntil: '20181121185202', fingerprint: 'A1b2C3d4E5f6G7h8I9j0K' };
    expect(paygentTokenHash(fields, 'ch_eeeeffffgggghhhhiiii')).toBe('4d3c9a7b3f8dd69787e35491f0fa9e750b9642413ad6bc2100af9bba4edaaad9');
  });

  it('masks every digit but the last 4, whatever the length', async () => {
    expect((await createToken({ ...CARD, card_number: '4242424242424242' })).tokenizedCardObject?.masked_card_number).toBe('************4242');
    expect((await createToken({ ...CARD, card_number: '378282246310005' })).tokenizedCardObject?.masked_card_number).toBe('***********0005');
    expect((await createToken({ ...CARD, card_number: '36666666666660' })).tokenizedCardObject?.masked_card_number).toBe('**********6660');
  });

  it('pads a single-digit expiry month or year with a leading 0 (PG-TOK §4.2.1)', async () => {
    expect((await createToken({ ...CARD, expire_year: '31', expire_month: '4' })).result).toBe('0000');
    // 2030-04 is the current month of the fake clock: '0' → '00' is 2000, in the past.
    expect((await createToken({ ...CARD, expire_year: '0', expire_month: '4' })).result).toBe('1502');
  });

  it('takes a name of up to 64 half-width characters, kana included, and refuses others (PG-TOK §4.2.1)', async () => {
    expect((await createToken({ ...CARD, name: 'ﾔﾏﾀﾞ ﾀﾛｳ' })).result).toBe('0000');
    expect((await createToken({ ...CARD, name: 'A'.repeat(64) })).result).toBe('0000');
    expect((await createToken({ ...CARD, name: 'A'.repeat(65) })).result).toBe('1700');
    expect((await createToken({ ...CARD, name: 'ＴＡＲＯ' })).result).toBe('1700');
  });

  it('gives a new token each time, with the same fingerprint for the same card', async () => {
    const first = await createToken(CARD);
    const second = await createToken(CARD);
    const other = await createToken({ ...CARD, card_number: '4242424242424242' });
    expect(first.tokenizedCardObject!.token).not.toBe(second.tokenizedCardObject!.token);
    expect(first.tokenizedCardObject!.fingerprint).toBe(second.tokenizedCardObject!.fingerprint);
    expect(other.tokenizedCardObject!.fingerprint).not.toBe(first.tokenizedCardObject!.fingerprint);
  });

  it.each(['4111111111111111', '4242424242424242', '5555555555554444', '3530111333300000', '378282246310005', '36666666666660'])(
    'accepts the test card %s',
    async (number) => {
      expect((await createToken({ ...CARD, card_number: number })).result).toBe('0000');
    },
  );

  it('takes the CVC and name as optional for a card token', async () => {
    expect((await createToken({ ...CARD, cvc: '', name: '' })).result).toBe('0000');
  });

  it('takes JSON as well', async () => {
    const response = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(CARD),
    });
    expect(((await response.json()) as TokenAnswer).result).toBe('0000');
  });

  // The documented result codes (Kuroco FAQ how-can-i-get-card-token), first failing check first.
  it.each([
    ['1100', { merchant_id: '' }],
    ['1200', { token_generate_key: '' }],
    ['1201', { token_generate_key: 'wrong-key' }],
    ['1201', { merchant_id: '12345' }],
    ['1300', { card_number: '' }],
    ['1301', { card_number: '4111111111111112' }],
    ['1301', { card_number: '4111 1111 1111 1111' }],
    ['1301', { card_number: '411111111111' }],
    ['1400', { expire_year: '' }],
    ['1401', { expire_year: '2031' }],
    ['1401', { expire_year: 'ab' }],
    ['1500', { expire_month: '' }],
    ['1501', { expire_month: '13' }],
    ['1501', { expire_month: '0' }],
    ['1502', { expire_year: '30', expire_month: '03' }],
    ['1502', { expire_year: '51', expire_month: '01' }],
    ['1600', { cvc: '12' }],
    ['1600', { cvc: '12a' }],
    ['1700', { name: '山田太郎' }],
    ['8000', { card_number: '4000000000008005' }],
    ['9000', { card_number: '4000000000009003' }],
    ['9000', { token_type: 'other' }],
  ] as const)('answers %s for %o', async (result, change) => {
    const answer = await createToken({ ...CARD, ...change });
    expect(answer).toEqual({ result });
  });

  it('takes this month and up to 20 years ahead', async () => {
    expect((await createToken({ ...CARD, expire_year: '30', expire_month: '04' })).result).toBe('0000');
    expect((await createToken({ ...CARD, expire_year: '50', expire_month: '04' })).result).toBe('0000');
  });

  it('lists its sandbox-only result cards', () => {
    expect(PAYGENT_SANDBOX_RESULT_CARDS).toEqual({ '4000000000008005': '8000', '4000000000009003': '9000' });
  });

  it('creates CVC tokens, which need the CVC (1601) in the right format (1600)', async () => {
    const base = { token_type: 'cvc', merchant_id: SANDBOX_PAYGENT_MERCHANT_ID, token_generate_key: SANDBOX_PAYGENT_TOKEN_KEY };
    const answer = await createToken({ ...base, cvc: '1234' });
    expect(answer.result).toBe('0000');
    expect(answer.tokenizedCardObject?.token).toMatch(/^tok_[A-Za-z0-9]{26}$/);
    expect(answer.tokenizedCardObject?.valid_until).toBe('20300415121000');
    // PG-TOK §4.3.2: a CVC token answers token, valid_until and result only.
    expect(answer).toEqual({ result: '0000', tokenizedCardObject: { token: answer.tokenizedCardObject?.token, valid_until: '20300415121000' } });
    expect(await createToken({ ...base, cvc: '' })).toEqual({ result: '1601' });
    expect(await createToken({ ...base, cvc: '1' })).toEqual({ result: '1600' });
    expect(await createToken({ ...base, token_generate_key: 'x', cvc: '123' })).toEqual({ result: '1201' });
  });

  it('allows cross-origin calls: the Origin is reflected and preflights get 204', async () => {
    const origin = 'http://shop.example:5173';
    const response = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams(CARD).toString(),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const preflight = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('refuses other methods, bodies it cannot read and oversized bodies with result 9000', async () => {
    const get = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`);
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({ result: '9000' });
    const badJson = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ result: '9000' });
    const xml = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: '<a/>' });
    expect(xml.status).toBe(400);
    const big = await fetch(`${server.url}${PAYGENT_TOKEN_CREATE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `name=${'A'.repeat(70 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ result: '9000' });
  });
});

describe('tokens and the Kuroco purchase', () => {
  it('a token issued here buys once with 3-D Secure; the second use is refused', async () => {
    const token = (await createToken(CARD)).tokenizedCardObject!.token;
    const first = await purchase(token);
    expect(first.status).toBe(200);
    expect(first.body.ids).toHaveLength(1);
    const second = await purchase(token);
    expect(second.status).toBe(400);
    expect(second.body.errors).toEqual([expect.objectContaining({ code: 'invalid', field: 'card_token' })]);
  });
});
