import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPayjpHandler, signBackUrl, type PayjpHandlerOptions } from '../../src/server';
import { createFakePayjp, expectNoSecretIn, PUBLIC_KEY, SECRET_KEY, seenBodies, send } from './payjpHandlerFake';

afterAll(() => expectNoSecretIn(seenBodies));

const asAlice = { 'x-customer': 'cus_alice' };
const RETURN_URLS = ['https://shop.example/3ds/return', 'https://shop.example/account/cards?from=3ds'];

function setup(options: Partial<PayjpHandlerOptions> = {}) {
  const fake = createFakePayjp();
  fake.addCard('cus_alice', 'car_alice1');
  fake.addCard('cus_bob', 'car_bob1');
  fake.putRequest({ id: 'tdsr_alice', resource_id: 'car_alice1' });
  fake.putRequest({ id: 'tdsr_bob', resource_id: 'car_bob1' });
  const handler = createPayjpHandler({
    secretKey: SECRET_KEY,
    publicKey: PUBLIC_KEY,
    resolveCustomer: (request) => request.headers.get('x-customer'),
    payjp: fake.client,
    returnUrls: RETURN_URLS,
    ...options,
  });
  return { fake, handler };
}

const base64UrlJson = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;

/** Verifies a compact HS256 JWS with node:crypto, independently of the handler's WebCrypto code. */
function verifyJws(jws: string, secret: string) {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  expect(jws.split('.')).toHaveLength(3);
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  expect(signature).toBe(expected);
  return { headerText: Buffer.from(header, 'base64url').toString('utf8'), header: base64UrlJson(header), payload: base64UrlJson(payload) };
}

describe('POST /card-verifications/{id}/redirect', () => {
  it('answers PAY.JP start URL with the public key and a back_url JWS signed with the secret key', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', {}, asAlice);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const url = new URL(answer.json.url as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://api.pay.jp/v1/tds/tdsr_alice/start');
    expect([...url.searchParams.keys()]).toEqual(['publickey', 'back_url']);
    expect(url.searchParams.get('publickey')).toBe(PUBLIC_KEY);
    const jws = verifyJws(url.searchParams.get('back_url') ?? '', SECRET_KEY);
    expect(jws.headerText).toBe('{"alg":"HS256","typ":"JWT"}');
    // Without returnUrl: the first configured one.
    expect(jws.payload).toEqual({ url: RETURN_URLS[0] });
    // The JWS is base64url: it sits in the query unescaped.
    expect(answer.json.url).toContain(`back_url=${url.searchParams.get('back_url')}`);
  });

  it('signs the return URL the browser picked from the list, byte for byte', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', { returnUrl: RETURN_URLS[1] }, asAlice);
    const backUrl = new URL(answer.json.url as string).searchParams.get('back_url') ?? '';
    expect(verifyJws(backUrl, SECRET_KEY).payload).toEqual({ url: RETURN_URLS[1] });
  });

  it('also works with an empty body (declared JSON, as every POST must be)', async () => {
    const { handler } = setup();
    expect((await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', undefined, asAlice)).status).toBe(200);
  });

  it('takes the start page origin from apiBase', async () => {
    const { handler } = setup({ apiBase: 'http://127.0.0.1:4010/v1' });
    const answer = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', {}, asAlice);
    expect(answer.json.url).toMatch(/^http:\/\/127\.0\.0\.1:4010\/v1\/tds\/tdsr_alice\/start\?publickey=pk_test_/);
  });

  it.each([
    ['another origin', 'https://evil.example/3ds/return'],
    ['a prefix of an allowed URL', 'https://shop.example/3ds/'],
    ['an allowed URL with extra query', 'https://shop.example/3ds/return?x=1'],
    ['a different case', 'https://SHOP.example/3ds/return'],
    ['a relative path', '/3ds/return'],
  ])('answers 400 return_url_not_allowed for %s', async (_name, returnUrl) => {
    const { fake, handler } = setup();
    const answer = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', { returnUrl }, asAlice);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: 'return_url_not_allowed', param: 'returnUrl' });
    expect(fake.calls).toEqual([]);
  });

  it('answers 400 for a non-string returnUrl and for malformed JSON', async () => {
    const { handler } = setup();
    const notString = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', { returnUrl: ['x'] }, asAlice);
    expect(notString.json.error).toMatchObject({ code: 'invalid_request', param: 'returnUrl' });
    expect((await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', '{', asAlice)).status).toBe(400);
  });

  it('answers 500 misconfigured without returnUrls', async () => {
    for (const returnUrls of [undefined, []]) {
      const { handler } = setup({ returnUrls });
      const answer = await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', {}, asAlice);
      expect(answer.status).toBe(500);
      expect(answer.json.error.code).toBe('misconfigured');
    }
  });

  it('checks id, customer and ownership like GET', async () => {
    const { handler } = setup();
    expect((await send(handler, 'POST', '/card-verifications/car_alice1/redirect', {}, asAlice)).status).toBe(400);
    expect((await send(handler, 'POST', '/card-verifications/tdsr_alice/redirect', {})).status).toBe(401);
    expect((await send(handler, 'POST', '/card-verifications/tdsr_bob/redirect', {}, asAlice)).status).toBe(403);
    expect((await send(handler, 'POST', '/card-verifications/tdsr_gone/redirect', {}, asAlice)).status).toBe(404);
  });

  it('answers 409 expired for an expired request instead of sending the shopper to an error page', async () => {
    const { fake, handler } = setup();
    fake.putRequest({ id: 'tdsr_old', resource_id: 'car_alice1', expired_at: 1_730_086_567 });
    const answer = await send(handler, 'POST', '/card-verifications/tdsr_old/redirect', {}, asAlice);
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('expired');
  });
});

describe('signBackUrl', () => {
  it('matches a node:crypto HS256 JWS for non-ASCII URLs too', async () => {
    const url = 'https://shop.example/戻る?a=1&b=ü';
    const jws = await signBackUrl(url, 'sk_test_other');
    expect(verifyJws(jws, 'sk_test_other').payload).toEqual({ url });
    expect(jws).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });
});
