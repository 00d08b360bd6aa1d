import { describe, expect, it } from 'vitest';
import { ThreeDSecureError, type ThreeDSecureErrorCode } from '../../src/core/errors';
import { MESSAGES, getMessage, type Locale, type StatusMessageKey } from '../../src/core/messages';
import { getCardVerificationErrorMessage } from '../../src/core/payjp/cardVerificationMessages';

// A card verification creates no payment: its texts must not speak of one.
const PAYMENT_WORDS = /決済|支払|payment|charge/i;
const LOCALES: Locale[] = ['ja', 'en'];
// Every error code the catalogs hold (status keys have a dot, or are one of the two below).
const CODES = (Object.keys(MESSAGES.ja) as string[]).filter((key) => !key.includes('.') && key !== 'retry' && key !== 'checkAgain') as ThreeDSecureErrorCode[];
// The status texts of <VerifyCardButton> and of <ThreeDSecureReturnStatus> for a card.
const CARD_STATUS_KEYS: StatusMessageKey[] = [
  'card.verify',
  'card.creating',
  'card.challenging',
  'card.redirecting',
  'card.verifying',
  'card.succeeded',
  'card.cancel',
  'confirm.stillConfirming',
  'checkAgain',
  'retry',
];

describe('card verification texts', () => {
  it('covers every error code of the catalog', () => {
    expect(CODES).toContain('three_d_secure_failed');
    expect(CODES).toContain('status_unknown');
    expect(CODES.length).toBeGreaterThan(20);
  });

  it.each(LOCALES)('%s: no error text speaks of a payment', (locale) => {
    for (const code of CODES) {
      const text = getCardVerificationErrorMessage(new ThreeDSecureError(code, 'x'), locale);
      expect(text, code).not.toBe('');
      expect(text, code).not.toMatch(PAYMENT_WORDS);
    }
  });

  it.each(LOCALES)('%s: no status text speaks of a payment', (locale) => {
    for (const key of CARD_STATUS_KEYS) expect(getMessage(key, locale), key).not.toMatch(PAYMENT_WORDS);
  });

  it('the checkout keeps its payment wording', () => {
    expect(getMessage('three_d_secure_failed', 'ja')).toContain('お支払い');
    expect(getCardVerificationErrorMessage(new ThreeDSecureError('three_d_secure_failed', 'x'), 'ja')).toContain('カードの本人認証は完了していません');
  });

  it('lets the app’s own override win', () => {
    const overrides = { ja: { status_unknown: '店のことば' } };
    expect(getCardVerificationErrorMessage(new ThreeDSecureError('status_unknown', 'x'), 'ja', overrides)).toBe('店のことば');
    expect(getCardVerificationErrorMessage(new ThreeDSecureError('status_unknown', 'x'), 'en', overrides)).toMatch(/card verification/);
  });
});
