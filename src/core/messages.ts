import { ACS_MESSAGES, type AcsMessageKey } from './acs/messages';
import type { ThreeDSecureError, ThreeDSecureErrorCode } from './errors';

/** Languages the kit ships messages for. Japanese is the default. */
export type Locale = 'ja' | 'en';

/** Keys of the shopper-facing texts that are not errors. */
export type StatusMessageKey =
  | 'purchase.submit'
  | 'purchase.pending'
  | 'purchase.orderExists'
  | 'purchase.orderHelp'
  | 'acs.redirecting'
  | 'acs.manualSubmit'
  | 'acs.manualHint'
  | 'return.checking'
  | 'return.succeeded'
  | 'return.orderIds'
  | 'retry'
  | 'checkAgain'
  | 'confirm.stillConfirming'
  | 'card.verify'
  | 'card.creating'
  | 'card.challenging'
  | 'card.redirecting'
  | 'card.verifying'
  | 'card.succeeded'
  | 'card.cancel'
  | 'charge.pay'
  | 'charge.processing'
  | 'charge.finishing'
  | 'cardholder.name'
  | 'cardholder.email'
  | 'cardholder.phone'
  | 'cardholder.hint'
  | 'tab.busyElsewhere'
  | 'tab.cardBusyElsewhere'
  | 'pending.unsettled'
  | 'pending.processing'
  | 'pending.failed';

/** Every message key: an error code or a status text. */
export type MessageKey = ThreeDSecureErrorCode | StatusMessageKey;

/** A full catalog for one language. */
export type MessageCatalog = Record<MessageKey, string>;

/** Overrides for some messages, per language. */
export type MessageOverrides = Partial<Record<Locale, Partial<MessageCatalog>>>;

const ja: Omit<MessageCatalog, AcsMessageKey> = {
  return_url_not_allowed: '戻り先のURLが正しく設定されていません。ショップにお問い合わせください。',
  kuroco_mixed_order:
    '3Dセキュアでは、配送商品とダウンロード商品、発売済み商品と予約商品、クーポン利用の有無が混ざったご注文はできません。商品を分けて個別にご注文ください。',
  invalid_request: '入力内容に誤りがあります。内容をご確認ください。',
  unauthorized: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  not_found: 'ご注文が見つかりませんでした。',
  backend_error: 'サーバーでエラーが発生しました。時間をおいてもう一度お試しください。',
  invalid_response: 'サーバーから予期しない応答がありました。時間をおいてもう一度お試しください。',
  network_error: '通信できませんでした。ネットワーク接続を確認して、もう一度お試しください。',
  timeout: '応答に時間がかかっています。通信環境を確認して、もう一度お試しください。',
  three_d_secure_failed: '3Dセキュア認証に失敗したか、時間切れになりました。お支払いは完了していません。もう一度お試しください。',
  authorization_failed: '3Dセキュア認証後、カードの承認が得られませんでした。お支払いは完了していません。別のカードでお試しください。',
  status_unknown: 'お支払いの結果をまだ確認できません。しばらくしてからもう一度確認してください。',
  no_pending_attempt: '確認中のお支払いが見つかりませんでした。ご注文履歴をご確認ください。',
  payjs_load_failed: 'カード決済の準備ができませんでした。通信環境を確認して、ページを再読み込みしてください。',
  popup_blocked: '認証画面のウィンドウがブロックされました。ポップアップを許可して、もう一度お試しください。',
  canceled: '3Dセキュア認証が中断されました。もう一度お試しください。',
  expired: '3Dセキュア認証の有効期限が切れました。最初からやり直してください。',
  forbidden: 'このカードは現在のアカウントでは使用できません。',
  attempted_not_accepted: 'このカードでは本人認証を完了できませんでした。別のカードをお試しください。',
  start_url_not_allowed: '認証画面の移動先を確認できないため、中止しました。ショップにお問い合わせください。',
  card_declined: 'カードが承認されませんでした。カード会社にお問い合わせいただくか、別のカードをお試しください。',
  invalid_card: 'カード情報に誤りがあります。入力内容をご確認ください。',
  'purchase.submit': '注文を確定する',
  'purchase.pending': '注文を送信しています…',
  'purchase.orderExists': 'ご注文は受け付けましたが、お支払いは完了していません。二重注文を防ぐため、もう一度注文せず、注文番号を控えてショップにお問い合わせください。',
  'purchase.orderHelp': 'ご注文の状況を確認する',
  'return.checking': 'お支払いの結果を確認しています…',
  'return.succeeded': 'お支払いが完了しました。',
  'return.orderIds': '注文番号',
  retry: 'もう一度試す',
  checkAgain: 'もう一度確認する',
  'confirm.stillConfirming': 'カード会社の結果を確認しています。このページを離れても、戻ったときに続きを確認します。',
  'card.verify': 'カードの本人認証をする',
  'card.creating': '認証の準備をしています…',
  'card.challenging': 'カード会社の画面で本人認証を行ってください。',
  'card.redirecting': 'カード会社の本人認証画面へ移動しています…',
  'card.verifying': '認証結果を確認しています…',
  'card.succeeded': 'カードの本人認証が完了しました。',
  'card.cancel': 'キャンセル',
  'charge.pay': '支払う',
  'charge.processing': 'お支払いの準備をしています…',
  'charge.finishing': 'お支払いを確定しています…',
  'cardholder.name': 'カード名義（ローマ字）',
  'cardholder.email': 'メールアドレス',
  'cardholder.phone': '電話番号',
  'cardholder.hint': '本人認証（3Dセキュア）のため、メールアドレスか電話番号のどちらかを入力してください。',
  'tab.busyElsewhere': 'このお支払いは別のタブで処理中です。結果はこちらにも表示されます。',
  'tab.cardBusyElsewhere': 'このカードの本人認証は別のタブで進行中です。結果はこちらにも表示されます。',
  'pending.unsettled': '完了を確認できていないお支払いがあります。もう一度お支払いする前に、ご注文履歴で結果をご確認ください。',
  'pending.processing': 'お支払いは処理中です。結果が確定したらご注文履歴に表示されます。もう一度お支払いしないでください。',
  'pending.failed': 'お支払いは完了していません。もう一度お試しください。',
};

const en: Omit<MessageCatalog, AcsMessageKey> = {
  return_url_not_allowed: 'The return address is not configured correctly. Please contact the shop.',
  kuroco_mixed_order:
    'With 3-D Secure, one order cannot mix shipped and download items, released and pre-order items, or items with and without a coupon. Please order them separately.',
  invalid_request: 'Some of the details are not valid. Please check them.',
  unauthorized: 'Your session has expired. Please sign in again.',
  not_found: 'The order could not be found.',
  backend_error: 'A server error occurred. Please try again later.',
  invalid_response: 'The server sent an unexpected answer. Please try again later.',
  network_error: 'No connection. Please check your network and try again.',
  timeout: 'The server is taking too long to answer. Please check your connection and try again.',
  three_d_secure_failed: '3-D Secure authentication failed or timed out. You have not been charged. Please try again.',
  authorization_failed: 'The card was not approved after 3-D Secure. You have not been charged. Please try another card.',
  status_unknown: 'The payment result is not available yet. Please check again in a moment.',
  no_pending_attempt: 'No payment in progress was found. Please check your order history.',
  payjs_load_failed: 'Card payments could not be prepared. Please check your connection and reload the page.',
  popup_blocked: 'The authentication window was blocked. Please allow pop-ups and try again.',
  canceled: '3-D Secure was interrupted. Please try again.',
  expired: 'The 3-D Secure session expired. Please start again.',
  forbidden: 'This card cannot be used with the current account.',
  attempted_not_accepted: 'Authentication could not be completed with this card. Please try another card.',
  start_url_not_allowed: 'Stopped: the authentication page’s address could not be verified. Please contact the shop.',
  card_declined: 'The card was declined. Please contact your card issuer or try another card.',
  invalid_card: 'Some card details are not valid. Please check them.',
  'purchase.submit': 'Place order',
  'purchase.pending': 'Sending your order…',
  'purchase.orderExists': 'Your order was received but not paid. To avoid a duplicate order, please do not order again: note the order number and contact the shop.',
  'purchase.orderHelp': 'Check your order',
  'return.checking': 'Checking the payment result…',
  'return.succeeded': 'Payment complete.',
  'return.orderIds': 'Order number',
  retry: 'Try again',
  checkAgain: 'Check again',
  'confirm.stillConfirming': 'Still waiting for your card issuer’s result. You can leave this page: when you come back, we will continue checking.',
  'card.verify': 'Verify this card',
  'card.creating': 'Preparing authentication…',
  'card.challenging': 'Please authenticate on your card issuer’s screen.',
  'card.redirecting': 'Taking you to your card issuer’s authentication page…',
  'card.verifying': 'Checking the authentication result…',
  'card.succeeded': 'The card has been verified.',
  'card.cancel': 'Cancel',
  'charge.pay': 'Pay',
  'charge.processing': 'Preparing your payment…',
  'charge.finishing': 'Completing your payment…',
  'cardholder.name': 'Name on card',
  'cardholder.email': 'E-mail',
  'cardholder.phone': 'Phone',
  'cardholder.hint': 'For 3-D Secure, enter an e-mail address or a phone number.',
  'tab.busyElsewhere': 'This payment is already in progress in another tab. Its result will show here too.',
  'tab.cardBusyElsewhere': 'This card is already being verified in another tab. Its result will show here too.',
  'pending.unsettled': 'A payment you started has not been confirmed yet. Please check your order history before paying again.',
  'pending.processing': 'Your payment is being processed. Its result will appear in your order history; please do not pay again.',
  'pending.failed': 'The payment was not completed. Please try again.',
};

// The ACS hand-off's texts live in ./acs/messages, so a Kuroco-only app carries only those. The
// merge is a pure call so that an app which never reads MESSAGES drops it and both halves.
const merge = (locale: Locale, rest: Omit<MessageCatalog, AcsMessageKey>): MessageCatalog => ({ ...ACS_MESSAGES[locale], ...rest });

/** The built-in catalogs. */
export const MESSAGES: Readonly<Record<Locale, MessageCatalog>> = { ja: /* @__PURE__ */ merge('ja', ja), en: /* @__PURE__ */ merge('en', en) };

// Own properties only: a key such as `constructor` or `__proto__` (say, a code read back from
// tampered storage) must find no message, not a function or a prototype from Object.
const own = <T>(record: Partial<Record<string, T>> | undefined, key: string): T | undefined => (record && Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * Looks up one message, with the caller's overrides first. A key the catalogs do not hold (only
 * possible from untyped input) gives the empty string.
 */
export function getMessage(key: MessageKey, locale: Locale = 'ja', overrides?: MessageOverrides): string {
  return own(own(overrides, locale), key) ?? own(own(MESSAGES, locale), key) ?? '';
}

/**
 * The shopper-facing text for an error: the kit's message for its code. Kuroco's own
 * field messages (400) are more precise than a generic one, so they win for `invalid_request`.
 */
export function getErrorMessage(error: ThreeDSecureError, locale: Locale = 'ja', overrides?: MessageOverrides): string {
  if (error.code === 'invalid_request' && error.providerMessage && locale === 'ja') return error.providerMessage;
  return getMessage(error.code, locale, overrides);
}
