/**
 * The cardholder name PAY.JP passes to the issuer for 3-D Secure. PAY.JP asks merchants to collect
 * it (「3Dセキュアに必要なカード名義…のフォームは、ご自身で用意してください」, docs.pay.jp/v1/payjs) but
 * the project's PAY.JP documents give no length or character rule. The limits here are the kit's
 * choice, written down in the README ("Mandate-ready forms (2025)"):
 * - at most 45 characters: the figure a merchant notice quoted in the market research gives
 *   (「45文字以内、半角英数字・スペース・ピリオド・ハイフンのみ」), and Paygent's card form has used it;
 * - at least 2 characters: one letter is not a name and is most often a slip of the keyboard;
 * - A–Z, space, period, hyphen and apostrophe (O'BRIEN). Digits are refused although that notice
 *   allows them: names are printed on cards in letters, and digits here usually mean the card
 *   number went into the wrong field.
 */
export const CARDHOLDER_NAME_MIN_LENGTH = 2;
/** See {@link CARDHOLDER_NAME_MIN_LENGTH}. */
export const CARDHOLDER_NAME_MAX_LENGTH = 45;

/** Why a cardholder name is refused. */
export type CardholderNameErrorCode =
  /** Nothing typed (spaces only count as nothing). */
  | 'name.required'
  /** Fewer than {@link CARDHOLDER_NAME_MIN_LENGTH} characters. */
  | 'name.tooShort'
  /** More than {@link CARDHOLDER_NAME_MAX_LENGTH} characters. */
  | 'name.tooLong'
  /** Kanji, hiragana or katakana: the name must be typed in romaji, as printed on the card. */
  | 'name.notRomaji'
  /** Another character outside A–Z, space, period, hyphen and apostrophe (digits, accents, symbols). */
  | 'name.invalidCharacters';

/** The outcome of a field check: the normalised value either way, and a code when it is refused. */
export type FieldCheck<Code extends string> =
  | {
      /** The value can be sent. */
      ok: true;
      /** The normalised value. */
      value: string;
    }
  | {
      /** The value is refused. */
      ok: false;
      /** The normalised value. */
      value: string;
      /** Why it is refused. */
      code: Code;
    };

// Japanese scripts, including half-width katakana and the prolonged sound mark.
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70]/u;
const ALLOWED = /^[A-Z .'-]*$/;

/**
 * What a Japanese keyboard types, made into what the card shows: full-width ASCII (ｙａｍａｄａ) and the
 * full-width space become half-width, runs of spaces become one, the ends are trimmed and Latin
 * letters are upper-cased. Kana and kanji are left as typed, so the check can name them.
 */
export function normalizeCardholderName(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** Normalises the name (see {@link normalizeCardholderName}) and checks it; the first problem found wins. */
export function validateCardholderName(input: string): FieldCheck<CardholderNameErrorCode> {
  const value = normalizeCardholderName(input);
  const refuse = (code: CardholderNameErrorCode): FieldCheck<CardholderNameErrorCode> => ({ ok: false, value, code });
  if (value === '') return refuse('name.required');
  if (JAPANESE.test(value)) return refuse('name.notRomaji');
  if (!ALLOWED.test(value)) return refuse('name.invalidCharacters');
  if (value.length > CARDHOLDER_NAME_MAX_LENGTH) return refuse('name.tooLong');
  if (value.length < CARDHOLDER_NAME_MIN_LENGTH) return refuse('name.tooShort');
  return { ok: true, value };
}
