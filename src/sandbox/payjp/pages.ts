import { html, renderSandboxPage, SafeHtml } from '../html';
import type { TdsContext } from './context';
import { OUTCOME_LABELS, PAYJP_CHALLENGE_OUTCOMES, type PayjpChallengeOutcome } from './outcomes';
import type { CardRecord } from './store';

/** Banner on every PAY.JP stand-in page, so nobody mistakes it for an issuer's page. */
export const PAYJP_SANDBOX_BANNER = 'サンドボックス (Sandbox) — 本物のカード会社の画面ではありません（PAY.JP 3Dセキュアの代用品）';

/** `source` of every message the challenge page posts to the window that opened it. */
export const PAYJP_SANDBOX_MESSAGE_SOURCE = 'payjp-sandbox';

/** Message types: the flow ended (result or error page) / the shopper closed it without a result. */
export const TDS_COMPLETE_MESSAGE = 'three-d-secure-complete';
export const TDS_CANCELED_MESSAGE = 'three-d-secure-canceled';

const STYLE = html`<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f7;color:#1d1d1f}
.banner{background:#8a4b00;color:#fff;padding:.6rem 1rem;font-weight:600;text-align:center}
main{max-width:32rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002}
.outcomes{display:grid;gap:.5rem;margin-top:1rem}
.outcomes form{margin:0}
button,.button{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border-radius:.375rem;border:1px solid #888;background:#fff;color:inherit;cursor:pointer;text-align:center;text-decoration:none}
button[data-outcome="verified"]{background:#0a5c2e;color:#fff;border-color:#0a5c2e}
button:focus-visible,.button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
</style>`;

/**
 * Posts the end of the flow to the window that opened pay.js (parent for iframe, opener for
 * subwindow), only to the origin pay.js passed in, then closes a subwindow. Reads everything from
 * data attributes, so no value is ever written into script.
 */
const NOTIFY_SCRIPT = new SafeHtml(`<script>
(function () {
  var el = document.getElementById('payjp-sandbox-notify');
  if (!el) return;
  var sent = false;
  function send() {
    if (sent) return;
    sent = true;
    var workflow = el.getAttribute('data-workflow');
    var target = workflow === 'subwindow' ? window.opener : window.parent;
    if (target && target !== window) {
      target.postMessage({ source: '${PAYJP_SANDBOX_MESSAGE_SOURCE}', type: el.getAttribute('data-type'), id: el.getAttribute('data-id') }, el.getAttribute('data-origin'));
    }
    if (workflow === 'subwindow') setTimeout(function () { window.close(); }, 50);
  }
  var button = document.getElementById('payjp-sandbox-notify-button');
  if (button) button.addEventListener('click', send);
  if (el.getAttribute('data-auto') === 'true') send();
})();
</script>`);

const AUTO_SUBMIT_SCRIPT = new SafeHtml(`<script>
(function () {
  var form = document.getElementById('payjp-sandbox-frictionless');
  if (form) form.submit();
})();
</script>`);

/** A complete page of the PAY.JP stand-in (Japanese, with the sandbox banner). */
export function renderPayjpPage(title: string, content: SafeHtml, script: SafeHtml | null = null): SafeHtml {
  return renderSandboxPage({ title, banner: PAYJP_SANDBOX_BANNER, style: STYLE, content, script });
}

function completeAction(id: string): string {
  return `/v1/tds/${encodeURIComponent(id)}/complete`;
}

function cardLine(card: CardRecord | undefined): SafeHtml {
  return card ? html`<p>カード: <span data-testid="card">${card.brand} •••• ${card.last4}</span></p>` : html``;
}

/** The issuer challenge: one form per outcome button (sandbox-only; a real issuer asks for a password or code). */
export function challengePage(id: string, card: CardRecord | undefined, sealedContext: string): SafeHtml {
  const forms = PAYJP_CHALLENGE_OUTCOMES.map(
    (outcome: PayjpChallengeOutcome) => html`<form method="POST" action="${completeAction(id)}">
<input type="hidden" name="context" value="${sealedContext}">
<button type="submit" name="outcome" value="${outcome}" data-outcome="${outcome}">${OUTCOME_LABELS[outcome]}</button>
</form>
`,
  );
  return renderPayjpPage(
    '3Dセキュア本人認証（サンドボックス）',
    html`<section aria-labelledby="tds-challenge-heading" data-payjp-sandbox-challenge="${id}">
<h1 id="tds-challenge-heading">3Dセキュア本人認証</h1>
${cardLine(card)}
<p>本人認証の結果を選んでください（サンドボックス専用のボタンです）。</p>
<div class="outcomes">
${forms}</div>
</section>`,
  );
}

/** A frictionless sandbox card: the page submits its own preset result on load. */
export function frictionlessPage(id: string, card: CardRecord | undefined, sealedContext: string, outcome: PayjpChallengeOutcome): SafeHtml {
  return renderPayjpPage(
    '3Dセキュア本人認証（サンドボックス）',
    html`<section aria-labelledby="tds-challenge-heading" data-payjp-sandbox-challenge="${id}" data-frictionless="${outcome}">
<h1 id="tds-challenge-heading">3Dセキュア本人認証</h1>
${cardLine(card)}
<p role="status">カード会社が画面なしで認証しています…</p>
<form id="payjp-sandbox-frictionless" method="POST" action="${completeAction(id)}">
<input type="hidden" name="context" value="${sealedContext}">
<input type="hidden" name="outcome" value="${outcome}">
<noscript><button type="submit">続ける</button></noscript>
</form>
</section>`,
    AUTO_SUBMIT_SCRIPT,
  );
}

/** The last page of an iframe / subwindow flow: it tells pay.js at once (`auto`) or on a button. */
export function notifyPage(context: TdsContext, type: string, heading: string, text: string, auto: boolean, status?: string): SafeHtml {
  return renderPayjpPage(
    heading,
    html`<section id="payjp-sandbox-notify" data-workflow="${context.workflow}" data-origin="${context.origin ?? ''}" data-id="${context.id}" data-type="${type}" data-auto="${auto ? 'true' : 'false'}" data-error="${status}" aria-labelledby="tds-end-heading">
<h1 id="tds-end-heading">${heading}</h1>
<p role="status">${text}</p>
<button type="button" id="payjp-sandbox-notify-button">ショップへ戻る</button>
</section>`,
    NOTIFY_SCRIPT,
  );
}

/**
 * An error page. With a usable context it offers the way back: a link to the signed return URL
 * (redirect) or a button that ends the payjs flow (iframe / subwindow).
 */
export function errorPage(heading: string, text: string, errorCode: string, context: TdsContext | null): SafeHtml {
  if (context && context.workflow !== 'redirect') return notifyPage(context, TDS_COMPLETE_MESSAGE, heading, text, false, errorCode);
  const back = context?.backUrl ? html`<p><a class="button" href="${context.backUrl}">ショップへ戻る</a></p>` : html``;
  return renderPayjpPage(heading, html`<section data-error="${errorCode}" aria-labelledby="tds-error-heading">
<h1 id="tds-error-heading">${heading}</h1>
<p>${text}</p>
${back}</section>`);
}
