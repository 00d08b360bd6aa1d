import type { Locale } from '../messages';

/** The texts `<AcsFormAutoSubmit>` shows, and the error codes its parsing can end in. */
export type AcsMessageKey = 'acs_html_invalid' | 'acs_action_not_allowed' | 'misconfigured' | 'acs.redirecting' | 'acs.manualSubmit' | 'acs.manualHint';

/**
 * The ACS hand-off's part of the catalogs, in its own module so a Kuroco-only app carries these
 * texts and not the whole catalog. `MESSAGES` (../messages) merges them in.
 */
export const ACS_MESSAGES: Readonly<Record<Locale, Record<AcsMessageKey, string>>> = {
  ja: {
    acs_html_invalid: 'カード会社の認証画面を開けませんでした。時間をおいてもう一度お試しください。',
    acs_action_not_allowed: 'カード会社の認証画面の送信先を確認できないため、中止しました。',
    misconfigured: 'お支払いの設定に問題があります。ショップにお問い合わせください。',
    'acs.redirecting': 'カード会社の本人認証（3Dセキュア）画面へ移動しています…',
    'acs.manualSubmit': '認証画面へ進む',
    'acs.manualHint': '画面が切り替わらない場合は、下のボタンを押してください。',
  },
  en: {
    acs_html_invalid: 'The card issuer’s authentication page could not be opened. Please try again later.',
    acs_action_not_allowed: 'Stopped: the destination of the card issuer’s authentication page could not be verified.',
    misconfigured: 'Payments are not configured correctly. Please contact the shop.',
    'acs.redirecting': 'Taking you to your card issuer’s 3-D Secure page…',
    'acs.manualSubmit': 'Continue to authentication',
    'acs.manualHint': 'If nothing happens, press the button below.',
  },
};
