import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThreeDSecureError } from '../../src/core/errors';
import { normalizePaygentCard, validatePaygentCard } from '../../src/core/paygent/card';
import { createPaygentToken } from '../../src/core/paygent/createPaygentToken';
import { loadPaygentToken, PAYGENT_TOKEN_JS_URL } from '../../src/core/paygent/loadPaygentToken';
import { getPaygentErrorMessage, PAYGENT_MESSAGES } from '../../src/core/paygent/messages';
import { PAYGENT_TOKEN_RESULT_CODES } from '../../src/core/paygent/resultCodes';
import type { PaygentCardInfo, PaygentTokenCallback, PaygentTokenConstructor, PaygentTokenResponse } from '../../src/core/paygent/types';

const CONFIG = { merchantId: '39999', tokenGeneratePubkey: 'sandbox-token-key' };
const CARD = { card_number: '4111 1111-1111 1111', expiry: '12 / 31', cvc: ' 123 ', name: '  TARO   YAMADA ' };

/** A PaygentToken stand-in that answers `response` and records what it was given. */
function fakePaygent(response: PaygentTokenResponse | ((card: PaygentCardInfo) => PaygentTokenResponse | undefined)) {
  const calls: { merchantId: string; key: string; card: PaygentCardInfo }[] = [];
  class FakePaygentToken {
    createToken(merchantId: string, key: string, card: PaygentCardInfo, callback: PaygentTokenCallback) {
      calls.push({ merchantId, key, card });
      const answer = typeof response === 'function' ? response(card) : response;
      if (answer) setTimeout(() => callback(answer), 0);
    }
  }
  return { Ctor: FakePaygentToken as PaygentTokenConstructor, calls };
}

const SUCCESS: PaygentTokenResponse = {
  result: '0000',
  tokenizedCardObject: { token: 'tok_AbCdEfGhIjKlMnOpQrStUvWxYz', masked_card_number: '************1111', valid_until: '20300415121000', fingerprint: 'fp1' },
  hc: 'abc',
};

describe('createPaygentToken', () => {
  it('normalises the card, calls createToken with the merchant id and key, and resolves the token', async () => {
    const { Ctor, calls } = fakePaygent(SUCCESS);
    await expect(createPaygentToken(Ctor, CONFIG, CARD)).resolves.toEqual({
      token: 'tok_AbCdEfGhIjKlMnOpQrStUvWxYz',
      maskedCardNumber: '************1111',
      validUntil: '20300415121000',
      fingerprint: 'fp1',
      hc: 'abc',
    });
    expect(calls).toEqual([
      {
        merchantId: '39999',
        key: 'sandbox-token-key',
        card: { card_number: '4111111111111111', expire_month: '12', expire_year: '31', cvc: '123', name: 'TARO YAMADA' },
      },
    ]);
  });

  // Every documented code, and what the shopper reads for it.
  it.each([
    ['1100', 'misconfigured', undefined, 'お支払いの設定に問題があります。ショップにお問い合わせください。'],
    ['1200', 'misconfigured', undefined, 'お支払いの設定に問題があります。ショップにお問い合わせください。'],
    ['1201', 'misconfigured', undefined, 'お支払いの設定に問題があります。ショップにお問い合わせください。'],
    ['1300', 'invalid_card', 'card_number', 'カード番号を入力してください。'],
    ['1301', 'invalid_card', 'card_number', 'カード番号が正しくありません。入力内容をご確認ください。'],
    ['1400', 'invalid_card', 'expire', '有効期限を入力してください。'],
    ['1401', 'invalid_card', 'expire', '有効期限は「月/年」の形式（例: 04/28）で入力してください。'],
    ['1500', 'invalid_card', 'expire', '有効期限を入力してください。'],
    ['1501', 'invalid_card', 'expire', '有効期限は「月/年」の形式（例: 04/28）で入力してください。'],
    ['1502', 'invalid_card', 'expire', '有効期限が切れているか、正しくありません。カードの有効期限をご確認ください。'],
    ['1600', 'invalid_card', 'cvc', 'セキュリティコードは3桁または4桁の半角数字で入力してください。'],
    ['1601', 'invalid_card', 'cvc', 'セキュリティコードを入力してください。'],
    ['1700', 'invalid_card', 'name', 'カード名義は半角ローマ字で入力してください。'],
    ['7000', 'backend_error', undefined, 'お使いのブラウザはカード情報の送信に対応していません。別のブラウザでお試しください。'],
    ['7001', 'network_error', undefined, '通信できませんでした。ネットワーク接続を確認して、もう一度お試しください。'],
    ['8000', 'backend_error', undefined, 'カード決済はただいまメンテナンス中です。しばらくしてからもう一度お試しください。'],
    ['9000', 'backend_error', undefined, 'サーバーでエラーが発生しました。時間をおいてもう一度お試しください。'],
    ['5555', 'backend_error', undefined, 'サーバーでエラーが発生しました。時間をおいてもう一度お試しください。'],
  ])('maps %s to %s (field %s)', async (result, code, field, ja) => {
    const { Ctor } = fakePaygent({ result });
    const error = (await createPaygentToken(Ctor, CONFIG, CARD).catch((e: unknown) => e)) as ThreeDSecureError;
    expect(error).toBeInstanceOf(ThreeDSecureError);
    expect(error.code).toBe(code);
    expect(error.providerCode).toBe(result);
    expect(error.field).toBe(field);
    expect(error.message).toContain(result);
    // No card data in what may end up in logs.
    expect(error.message).not.toMatch(/4111|123|TARO/);
    expect(getPaygentErrorMessage(error, 'ja')).toBe(ja);
    expect(getPaygentErrorMessage(error, 'en')).toMatch(/^[\x20-\x7E’]+$/);
  });

  it('covers every documented code in its table', () => {
    expect(Object.keys(PAYGENT_TOKEN_RESULT_CODES).sort()).toEqual(
      ['1100', '1200', '1201', '1300', '1301', '1400', '1401', '1500', '1501', '1502', '1600', '1601', '1700', '7000', '7001', '8000', '9000'].sort(),
    );
  });

  it('takes message overrides', async () => {
    const { Ctor } = fakePaygent({ result: '1301' });
    const error = (await createPaygentToken(Ctor, CONFIG, CARD).catch((e: unknown) => e)) as ThreeDSecureError;
    expect(getPaygentErrorMessage(error, 'en', { en: { 'paygent.cardNumber.invalid': 'Nope.' } })).toBe('Nope.');
  });

  it('rejects 0000 without a token as invalid_response, and a missing result too', async () => {
    await expect(createPaygentToken(fakePaygent({ result: '0000' }).Ctor, CONFIG, CARD)).rejects.toMatchObject({ code: 'invalid_response' });
    await expect(createPaygentToken(fakePaygent({} as PaygentTokenResponse).Ctor, CONFIG, CARD)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('times out when PaygentToken.js never calls back, and ignores a late answer', async () => {
    vi.useFakeTimers();
    try {
      let late: PaygentTokenCallback | undefined;
      class Silent {
        createToken(_m: string, _k: string, _c: PaygentCardInfo, callback: PaygentTokenCallback) {
          late = callback;
        }
      }
      const pending = createPaygentToken(Silent as PaygentTokenConstructor, CONFIG, CARD, { timeoutMs: 1000 });
      const settled = expect(pending).rejects.toMatchObject({ code: 'timeout' });
      await vi.advanceTimersByTimeAsync(1000);
      await settled;
      expect(() => late?.(SUCCESS)).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a throwing PaygentToken as backend_error', async () => {
    class Throws {
      createToken(): void {
        throw new Error('boom');
      }
    }
    await expect(createPaygentToken(Throws as unknown as PaygentTokenConstructor, CONFIG, CARD)).rejects.toMatchObject({ code: 'backend_error' });
  });
});

describe('normalizePaygentCard', () => {
  it.each([
    [{ card_number: '4111-1111-1111-1111', expiry: '04/28' }, { card_number: '4111111111111111', expire_month: '04', expire_year: '28' }],
    [{ card_number: '４１１１ １１１１ １１１１ １１１１', expiry: '４／２８' }, { card_number: '4111111111111111', expire_month: '04', expire_year: '28' }],
    [{ card_number: '4111111111111111', expiry: '4/2028' }, { card_number: '4111111111111111', expire_month: '04', expire_year: '28' }],
    [{ card_number: '4111111111111111', expiry: '0428' }, { card_number: '4111111111111111', expire_month: '04', expire_year: '28' }],
    [{ card_number: '4111111111111111', expiry: '042028' }, { card_number: '4111111111111111', expire_month: '04', expire_year: '28' }],
    [{ card_number: '4111111111111111', expire_month: 4, expire_year: 2028 }, { card_number: '4111111111111111', expire_month: '04', expire_year: '28' }],
    [{ card_number: '4111111111111111', expiry: 'soon' }, { card_number: '4111111111111111', expire_month: 'soon', expire_year: 'soon' }],
  ])('%o → %o', (input, expected) => {
    expect(normalizePaygentCard(input)).toEqual(expected);
  });
});

describe('validatePaygentCard', () => {
  const now = () => Date.UTC(2030, 3, 15, 3);
  const valid = normalizePaygentCard(CARD);

  it('passes a good card', () => {
    expect(validatePaygentCard(valid, { now })).toEqual({});
  });

  it('reports every field at once', () => {
    expect(validatePaygentCard(normalizePaygentCard({ card_number: '' }), { now })).toEqual({
      card_number: 'paygent.cardNumber.required',
      expire: 'paygent.expiry.required',
      cvc: 'paygent.cvc.required',
      name: 'paygent.name.required',
    });
    expect(validatePaygentCard(normalizePaygentCard({ card_number: '' }), { now, requireName: false }).name).toBeUndefined();
  });

  it.each([
    [{ card_number: '4111111111111112' }, 'card_number', 'paygent.cardNumber.invalid'],
    [{ card_number: '41111111' }, 'card_number', 'paygent.cardNumber.invalid'],
    [{ expiry: '13/31' }, 'expire', 'paygent.expiry.invalid'],
    [{ expiry: 'soon' }, 'expire', 'paygent.expiry.invalid'],
    [{ expiry: '03/30' }, 'expire', 'paygent.expiry.outOfRange'],
    [{ expiry: '05/50' }, 'expire', 'paygent.expiry.outOfRange'],
    [{ cvc: '12' }, 'cvc', 'paygent.cvc.invalid'],
    [{ name: '山田 太郎' }, 'name', 'paygent.name.invalid'],
    [{ name: 'ヤマダ タロウ' }, 'name', 'paygent.name.invalid'],
    [{ name: 'TARO YAMADA 2' }, 'name', 'paygent.name.characters'],
    [{ name: 'A' }, 'name', 'paygent.name.tooShort'],
    [{ name: 'A'.repeat(46) }, 'name', 'paygent.name.tooLong'],
  ])('%o → %s: %s', (change, field, key) => {
    expect(validatePaygentCard(normalizePaygentCard({ ...CARD, ...change }), { now })).toEqual({ [field]: key });
  });

  it('normalises the name as the PAY.JP checkout does: full-width, spaces, upper case', () => {
    expect(normalizePaygentCard({ ...CARD, name: 'ｙａｍａｄａ　　ｔａｒｏ ' }).name).toBe('YAMADA TARO');
    expect(validatePaygentCard(normalizePaygentCard({ ...CARD, name: "mary o'neill-smith" }), { now })).toEqual({});
  });

  it('has ja and en texts for every key', () => {
    expect(Object.keys(PAYGENT_MESSAGES.en).sort()).toEqual(Object.keys(PAYGENT_MESSAGES.ja).sort());
  });
});

describe('loadPaygentToken', () => {
  let n = 0;
  let url = '';
  const scriptsFor = (src: string) => Array.from(document.scripts).filter((s) => s.src === src);

  beforeEach(() => {
    url = `https://token.example.test/js/PaygentToken.js?test=${(n += 1)}`;
  });
  afterEach(() => {
    document.head.replaceChildren();
    delete (globalThis as { PaygentToken?: unknown }).PaygentToken;
  });

  it("defaults to Paygent's production URL", () => {
    expect(PAYGENT_TOKEN_JS_URL).toBe('https://token.paygent.co.jp/js/PaygentToken.js');
    void loadPaygentToken().catch(() => undefined);
    expect(scriptsFor(PAYGENT_TOKEN_JS_URL)).toHaveLength(1);
  });

  it('adds one script tag however often it is called, with the nonce, and resolves window.PaygentToken', async () => {
    const first = loadPaygentToken({ jsUrl: url, nonce: 'n0nce' });
    expect(loadPaygentToken({ jsUrl: url })).toBe(first);
    const [script] = scriptsFor(url);
    expect(scriptsFor(url)).toHaveLength(1);
    expect(script!.nonce).toBe('n0nce');
    expect(script!.async).toBe(true);
    const { Ctor } = fakePaygent(SUCCESS);
    (globalThis as { PaygentToken?: unknown }).PaygentToken = Ctor;
    script!.dispatchEvent(new Event('load'));
    await expect(first).resolves.toBe(Ctor);
    await expect(loadPaygentToken({ jsUrl: url })).resolves.toBe(Ctor);
    expect(scriptsFor(url)).toHaveLength(1);
  });

  it('reuses a tag the page already has', async () => {
    const existing = document.createElement('script');
    existing.src = url;
    document.head.append(existing);
    const loading = loadPaygentToken({ jsUrl: url });
    expect(scriptsFor(url)).toHaveLength(1);
    (globalThis as { PaygentToken?: unknown }).PaygentToken = fakePaygent(SUCCESS).Ctor;
    existing.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBeTypeOf('function');
  });

  it('fails with network_error, removes the dead tag, and retries on the next call', async () => {
    const failing = loadPaygentToken({ jsUrl: url });
    scriptsFor(url)[0]!.dispatchEvent(new Event('error'));
    await expect(failing).rejects.toMatchObject({ code: 'network_error' });
    expect(scriptsFor(url)).toHaveLength(0);
    const retry = loadPaygentToken({ jsUrl: url });
    expect(retry).not.toBe(failing);
    expect(scriptsFor(url)).toHaveLength(1);
    (globalThis as { PaygentToken?: unknown }).PaygentToken = fakePaygent(SUCCESS).Ctor;
    scriptsFor(url)[0]!.dispatchEvent(new Event('load'));
    await expect(retry).resolves.toBeTypeOf('function');
  });

  it('fails when the script defines no PaygentToken, and on timeout', async () => {
    const empty = loadPaygentToken({ jsUrl: url });
    scriptsFor(url)[0]!.dispatchEvent(new Event('load'));
    await expect(empty).rejects.toThrow('did not define window.PaygentToken');
    vi.useFakeTimers();
    try {
      const slow = loadPaygentToken({ jsUrl: `${url}&slow`, timeoutMs: 50 });
      const settled = expect(slow).rejects.toMatchObject({ code: 'network_error' });
      await vi.advanceTimersByTimeAsync(50);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });
});
