import { describe, expect, it } from 'vitest';
import { normalizeCardholderEmail, validateCardholderEmail } from '../../src/core/card/cardholderEmail';
import { CARDHOLDER_NAME_MAX_LENGTH, normalizeCardholderName, validateCardholderName } from '../../src/core/card/cardholderName';
import { normalizeCardholderPhone, validateCardholderPhone } from '../../src/core/card/cardholderPhone';
import { CARD_FORM_MESSAGES, getCardFormMessage, type CardFormMessageKey } from '../../src/core/card/cardFormMessages';
import { payjpFieldError } from '../../src/core/card/payjpCardFieldError';
import { validateCardholder } from '../../src/core/card/validateCardholder';
import { ThreeDSecureError } from '../../src/core/errors';

describe('normalizeCardholderName', () => {
  it.each([
    ['ｙａｍａｄａ　ｔａｒｏ', 'YAMADA TARO'],
    ['taro  yamada', 'TARO YAMADA'],
    ['  Taro\tYamada \n', 'TARO YAMADA'],
    ['ＴＡＲＯ　　ＹＡＭＡＤＡ', 'TARO YAMADA'],
    ['o’brien', 'O’BRIEN'],
    ['ｊｏｈｎ－ｐａｕｌ ｏ＇ｎｅｉｌｌ', "JOHN-PAUL O'NEILL"],
    ['山田　太郎', '山田 太郎'],
    ['ヤマダ タロウ', 'ヤマダ タロウ'],
    ['', ''],
    ['　 ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCardholderName(input)).toBe(expected);
  });
});

describe('validateCardholderName', () => {
  const max = 'A'.repeat(CARDHOLDER_NAME_MAX_LENGTH);
  it.each([
    ['TARO YAMADA', { ok: true, value: 'TARO YAMADA' }],
    ['taro  yamada', { ok: true, value: 'TARO YAMADA' }],
    ['ｙａｍａｄａ　ｔａｒｏ', { ok: true, value: 'YAMADA TARO' }],
    ["mary o'neill-smith jr.", { ok: true, value: "MARY O'NEILL-SMITH JR." }],
    ['AB', { ok: true, value: 'AB' }],
    [max, { ok: true, value: max }],
    ['', { ok: false, value: '', code: 'name.required' }],
    ['　　', { ok: false, value: '', code: 'name.required' }],
    ['山田太郎', { ok: false, value: '山田太郎', code: 'name.notRomaji' }],
    ['ヤマダ タロウ', { ok: false, value: 'ヤマダ タロウ', code: 'name.notRomaji' }],
    ['やまだ たろう', { ok: false, value: 'やまだ たろう', code: 'name.notRomaji' }],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', { ok: false, value: 'ﾔﾏﾀﾞ ﾀﾛｳ', code: 'name.notRomaji' }],
    ['TARO 山田', { ok: false, value: 'TARO 山田', code: 'name.notRomaji' }],
    ['タロー', { ok: false, value: 'タロー', code: 'name.notRomaji' }],
    ['TARO YAMADA 2', { ok: false, value: 'TARO YAMADA 2', code: 'name.invalidCharacters' }],
    ['4242424242424242', { ok: false, value: '4242424242424242', code: 'name.invalidCharacters' }],
    ['ＴＡＲＯ１', { ok: false, value: 'TARO1', code: 'name.invalidCharacters' }],
    ['JOSÉ GARCÍA', { ok: false, value: 'JOSÉ GARCÍA', code: 'name.invalidCharacters' }],
    ['TARO@YAMADA', { ok: false, value: 'TARO@YAMADA', code: 'name.invalidCharacters' }],
    ['TARO, YAMADA', { ok: false, value: 'TARO, YAMADA', code: 'name.invalidCharacters' }],
    ['A', { ok: false, value: 'A', code: 'name.tooShort' }],
    [`${max}B`, { ok: false, value: `${max}B`, code: 'name.tooLong' }],
    // 46 characters with spaces: counted after normalisation.
    ['TARO YAMADA TARO YAMADA TARO YAMADA TARO YAMAD', { ok: false, value: 'TARO YAMADA TARO YAMADA TARO YAMADA TARO YAMAD', code: 'name.tooLong' }],
    // Extra spaces do not count: 45 once collapsed.
    ['TARO  YAMADA TARO YAMADA TARO YAMADA TARO YAMA', { ok: true, value: 'TARO YAMADA TARO YAMADA TARO YAMADA TARO YAMA' }],
  ] as const)('%j → %j', (input, expected) => {
    expect(validateCardholderName(input)).toEqual(expected);
  });

  it('names the script before the length: one kanji is not "too short"', () => {
    expect(validateCardholderName('林')).toMatchObject({ code: 'name.notRomaji' });
    expect(validateCardholderName('山'.repeat(50))).toMatchObject({ code: 'name.notRomaji' });
  });
});

describe('validateCardholderEmail', () => {
  it.each([
    ['taro@example.jp', { ok: true, value: 'taro@example.jp' }],
    [' taro.yamada+shop@mail.example.co.jp ', { ok: true, value: 'taro.yamada+shop@mail.example.co.jp' }],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', { ok: true, value: 'taro@example.jp' }],
    ['', { ok: true, value: '' }],
    ['taro', { ok: false, value: 'taro', code: 'email.invalid' }],
    ['taro@example', { ok: false, value: 'taro@example', code: 'email.invalid' }],
    ['taro@@example.jp', { ok: false, value: 'taro@@example.jp', code: 'email.invalid' }],
    ['taro yamada@example.jp', { ok: false, value: 'taro yamada@example.jp', code: 'email.invalid' }],
    ['たろう@example.jp', { ok: false, value: 'たろう@example.jp', code: 'email.invalid' }],
    ['@example.jp', { ok: false, value: '@example.jp', code: 'email.invalid' }],
    [`${'a'.repeat(250)}@example.jp`, { ok: false, value: `${'a'.repeat(250)}@example.jp`, code: 'email.tooLong' }],
  ] as const)('%j → %j', (input, expected) => {
    expect(validateCardholderEmail(input)).toEqual(expected);
  });

  it('normalises full-width input', () => {
    expect(normalizeCardholderEmail('　ＴＡＲＯ＠example.jp　')).toBe('TARO@example.jp');
  });
});

describe('validateCardholderPhone', () => {
  it.each([
    ['090-1234-5678', { ok: true, value: '090-1234-5678' }],
    ['０９０－１２３４－５６７８', { ok: true, value: '090-1234-5678' }],
    ['+81 90 1234 5678', { ok: true, value: '+81 90 1234 5678' }],
    ['(03) 1234-5678', { ok: true, value: '(03) 1234-5678' }],
    ['', { ok: true, value: '' }],
    ['12-34', { ok: false, value: '12-34', code: 'phone.invalid' }],
    ['tel 09012345678', { ok: false, value: 'tel 09012345678', code: 'phone.invalid' }],
    ['+0 90 1234 5678', { ok: false, value: '+0 90 1234 5678', code: 'phone.invalid' }],
    ['0'.repeat(20), { ok: false, value: '0'.repeat(20), code: 'phone.invalid' }],
  ] as const)('%j → %j', (input, expected) => {
    expect(validateCardholderPhone(input)).toEqual(expected);
  });

  it('keeps the shopper’s layout but collapses spaces', () => {
    expect(normalizeCardholderPhone(' 090  1234　5678 ')).toBe('090 1234 5678');
  });
});

describe('validateCardholder', () => {
  it('accepts the name with an e-mail or a phone, normalised', () => {
    expect(validateCardholder({ name: 'taro yamada', email: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ' })).toEqual({
      ok: true,
      values: { name: 'TARO YAMADA', email: 'taro@example.jp', phone: '' },
      errors: {},
    });
    expect(validateCardholder({ name: 'TARO YAMADA', phone: '090-1234-5678' }).ok).toBe(true);
  });

  it.each([
    [{}, { name: 'name.required', email: 'contact.required' }],
    [{ name: '山田太郎', email: 'taro@example.jp' }, { name: 'name.notRomaji' }],
    [{ name: 'TARO YAMADA', email: 'taro', phone: '090-1234-5678' }, { email: 'email.invalid' }],
    [{ name: 'TARO YAMADA', email: 'taro@example.jp', phone: '12' }, { phone: 'phone.invalid' }],
    [{ name: 'TARO YAMADA', phone: '12' }, { phone: 'phone.invalid' }],
    [{ name: 'TARO YAMADA', email: '  ', phone: '' }, { email: 'contact.required' }],
  ])('%j → errors %j', (input, errors) => {
    const check = validateCardholder(input);
    expect(check.errors).toEqual(errors);
    expect(check.ok).toBe(false);
  });

  it('makes the name and the contact optional on request, but still checks what is typed', () => {
    expect(validateCardholder({}, { requireName: false, requireContact: false })).toMatchObject({ ok: true, errors: {} });
    expect(validateCardholder({ name: 'ヤマダ' }, { requireName: false, requireContact: false }).errors).toEqual({ name: 'name.notRomaji' });
  });
});

describe('payjpFieldError', () => {
  const error = (code: ConstructorParameters<typeof ThreeDSecureError>[0], details: ConstructorParameters<typeof ThreeDSecureError>[2] = {}) =>
    new ThreeDSecureError(code, 'x', details);
  it.each([
    [error('invalid_card', { providerCode: 'invalid_number', field: 'card' }), { field: 'card', key: 'number.invalid' }],
    [error('invalid_card', { providerCode: 'incomplete_error', field: 'number' }), { field: 'number', key: 'number.incomplete' }],
    [error('invalid_card', { providerCode: 'incomplete_error', field: 'expiry' }), { field: 'expiry', key: 'expiry.incomplete' }],
    [error('invalid_card', { providerCode: 'incomplete_error', field: 'cvc' }), { field: 'cvc', key: 'cvc.incomplete' }],
    [error('invalid_card', { providerCode: 'incomplete_error', field: 'card' }), { field: 'card', key: 'card.incomplete' }],
    [error('invalid_card', { providerCode: 'incomplete_error' }), { field: 'card', key: 'card.incomplete' }],
    [error('invalid_card', { providerCode: 'invalid_expiry_year_past', field: 'expiry' }), { field: 'expiry', key: 'expiry.past' }],
    [error('invalid_card', { providerCode: 'invalid_expiry_month_past' }), { field: 'expiry', key: 'expiry.past' }],
    [error('invalid_card', { providerCode: 'invalid_expiry_month' }), { field: 'expiry', key: 'expiry.invalid' }],
    [error('invalid_card', { providerCode: 'invalid_cvc', field: 'card' }), { field: 'card', key: 'cvc.invalid' }],
    [error('invalid_card', { providerCode: 'invalid_number', field: 'card[number]' }), { field: 'number', key: 'number.invalid' }],
    [error('invalid_card', { providerCode: 'invalid_param', field: 'card[phone]' }), { field: 'phone', key: 'phone.invalid' }],
    [error('invalid_card', { providerCode: 'invalid_param', field: 'card[email]' }), { field: 'email', key: 'email.invalid' }],
    [error('invalid_card', { providerCode: 'invalid_param', field: 'card[name]' }), { field: 'name', key: 'name.rejected' }],
    [error('invalid_card', { field: 'phone' }), { field: 'phone', key: 'phone.invalid' }],
    [error('invalid_card'), { field: 'card', key: 'card.invalid' }],
    [error('card_declined', { providerCode: 'invalid_cvc', field: 'card[cvc]' }), { field: 'cvc', key: 'cvc.invalid' }],
    [error('card_declined', { providerCode: 'expired_card' }), { field: 'expiry', key: 'expiry.past' }],
    [error('card_declined', { providerCode: 'card_declined' }), null],
    [error('network_error'), null],
    [error('backend_error', { providerCode: 'invalid_number' }), null],
    [null, null],
  ])('%#: %o → %j', (input, expected) => {
    expect(payjpFieldError(input)).toEqual(expected);
  });
});

describe('card form messages', () => {
  it('has every text in Japanese and English, and overrides win', () => {
    const keys = Object.keys(CARD_FORM_MESSAGES.ja) as CardFormMessageKey[];
    expect(Object.keys(CARD_FORM_MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(CARD_FORM_MESSAGES.ja[key]).not.toBe('');
      expect(CARD_FORM_MESSAGES.en[key]).not.toBe('');
    }
    expect(getCardFormMessage('name.notRomaji')).toContain('ローマ字');
    expect(getCardFormMessage('name.notRomaji', 'en')).toContain('romaji');
    expect(getCardFormMessage('consent.label', 'ja', { ja: { 'consent.label': '同意します' } })).toBe('同意します');
    expect(getCardFormMessage('consent.label', 'en', { ja: { 'consent.label': '同意します' } })).toBe(CARD_FORM_MESSAGES.en['consent.label']);
  });

  it('never answers the generic "card details are wrong" for a missing name', () => {
    expect(getCardFormMessage(validateCardholder({ email: 'a@example.jp' }).errors.name!)).toBe('カード名義を入力してください。');
  });
});
