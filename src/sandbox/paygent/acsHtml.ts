import { randomBytes } from 'node:crypto';
import { html, type SafeHtml } from '../html';
import type { ChallengeSession } from '../state';
import { sign } from './signing';

/** Path of the stand-in for Paygent's 3DS server (CAFIS 3DS Connector). */
export const CONNECTOR_PATH = '/paygent/3ds/connector';

/** Hidden field that carries the HMAC-signed session reference. */
export const SESSION_FIELD = 'tds_session_ref';

/** Hidden field that carries the transaction id (checked against the session). */
export const TRANSACTION_FIELD = 'tds_trans_id';

function form(session: ChallengeSession, action: string, key: Buffer): SafeHtml {
  // Paygent's real field names are not public: these are opaque on purpose, so the kit must
  // submit whatever hidden inputs it finds rather than rely on names.
  const fields: [string, string][] = [
    [SESSION_FIELD, sign(key, session.id)],
    [TRANSACTION_FIELD, session.transactionId],
    ['tds_browser_nonce', randomBytes(24).toString('base64')],
    ['tds_message_version', '2.2.0'],
  ];
  const inputs = fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\r\n`);
  return html`<form name="submitForm" action="${action}" method="POST">\r
${inputs}カード会社の本人認証画面へ移動します。自動で移動しない場合は「次へ」を押してください。<br>\r
<noscript>JavaScript が無効になっています。「次へ」ボタンを押して続けてください。</noscript>\r
<input type="submit" value="次へ">\r
</form>`;
}

/**
 * Builds `out_acs_html` shaped like Paygent's telegram 450 answer: a full document whose
 * `body onload` submits `document.submitForm` (`'document'`), or just the form (`'form'`).
 * Lines end in CRLF as in Paygent's wire format.
 */
export function buildAcsHtml(session: ChallengeSession, origin: string, key: Buffer, shape: 'document' | 'form'): string {
  const formHtml = form(session, `${origin}${CONNECTOR_PATH}`, key);
  if (shape === 'form') return formHtml.value;
  return html`<html>\r
<head>\r
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\r
<title>3Dセキュア認証</title>\r
</head>\r
<body onload="OnLoadEvent();">\r
${formHtml}\r
<script>function OnLoadEvent(){ document.submitForm.submit(); }</script>\r
</body>\r
</html>\r
`.value;
}
