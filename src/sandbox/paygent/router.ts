import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from '../http';
import { html } from '../html';
import { PageError, readPageForm, wrongMethod } from '../pageError';
import { exactPath, findRoute, type SandboxRoute } from '../router';
import type { ChallengeSession, SandboxState } from '../state';
import { CONNECTOR_PATH, SESSION_FIELD, TRANSACTION_FIELD } from './acsHtml';
import { challengePage, COMPLETE_PATH } from './challengePage';
import { completeChallenge } from './complete';
import { renderPage, sendErrorPage } from './page';
import { isChallengeOutcome } from './sessions';
import { verify } from './signing';
import { handleTokenCreate, PAYGENT_TOKEN_CREATE_PATH } from './token';
import { PAYGENT_TOKEN_JS_PATH, serveTokenScript } from './tokenScript';

/** Prefix of every path the Paygent stand-in answers (3-D Secure pages, PaygentToken.js, token API). */
export const PAYGENT_PREFIX = '/paygent/';

/** Seconds the frictionless page waits before sending the browser back (real flows take about 1 s). */
export const FRICTIONLESS_REDIRECT_SECONDS = 1;

/** Path of the sandbox's issuer challenge page. */
export const CHALLENGE_PATH = '/paygent/3ds/challenge';

function openSession(state: SandboxState, id: string | null): ChallengeSession {
  const session = id === null ? undefined : state.challenges.get(id);
  if (!session) throw new PageError(404, 'session_not_found', '認証セッションが見つかりません', 'この 3Dセキュア認証は存在しないか、別のサンドボックスで開始されました。');
  if (session.completed) throw new PageError(409, 'already_completed', 'この認証は完了済みです', 'この 3Dセキュア認証は既に完了しています。注文状況はショップの画面でご確認ください。');
  return session;
}

/** Stand-in for the 3DS server the ACS form posts to: checks the signed reference, then shows the challenge. */
async function connector(req: IncomingMessage, res: ServerResponse, state: SandboxState): Promise<void> {
  const form = await readPageForm(req);
  const id = verify(state.signingKey, form.get(SESSION_FIELD) ?? '');
  if (id === null) throw new PageError(400, 'invalid_signature', '不正なリクエストです', '認証データの署名が一致しません。フォームの値が改変された可能性があります。');
  const session = openSession(state, id);
  if (form.get(TRANSACTION_FIELD) !== session.transactionId) {
    throw new PageError(400, 'invalid_transaction', '不正なリクエストです', '取引 ID が一致しません。フォームの値が改変された可能性があります。');
  }
  switch (state.kuroco.authentication) {
    case 'frictionless':
      frictionless(res, state, session);
      return;
    case 'stranded':
      stranded(res);
      return;
    default:
      res.writeHead(303, { Location: `${CHALLENGE_PATH}?session=${encodeURIComponent(session.id)}`, 'Cache-Control': 'no-store' });
      res.end();
  }
}

/** `authentication: 'frictionless'`: authenticated without the shopper; back to the shop after about 1 s. */
function frictionless(res: ServerResponse, state: SandboxState, session: ChallengeSession): void {
  const { location } = completeChallenge(state, session, 'pass');
  const page = renderPage('ショップへ戻ります', html`<h1>ショップへ戻ります</h1>\n<p>本人認証が完了しました。</p>\n<p><a href="${location}">自動で移動しない場合はこちら</a></p>`);
  sendHtml(res, 200, page, { Refresh: `${FRICTIONLESS_REDIRECT_SECONDS}; url=${location}` });
}

/**
 * `authentication: 'stranded'`: Paygent's own error page (PG-SUP §2.1, §3.1: an unexpected answer
 * from the card company); no redirect, no link back, the order stays 決済失敗.
 */
function stranded(res: ServerResponse): void {
  sendErrorPage(res, 200, 'エラーが発生しました', '本人認証処理中にエラーが発生しました。恐れ入りますが、ご利用のショップへお問い合わせください。');
}

function showChallenge(res: ServerResponse, state: SandboxState, url: URL): void {
  const session = openSession(state, url.searchParams.get('session'));
  const minutes = Math.round(state.kuroco.challengeTimeoutMs / 60_000);
  sendHtml(res, 200, renderPage('3Dセキュア本人認証（サンドボックス）', challengePage(session, minutes)));
}

async function complete(req: IncomingMessage, res: ServerResponse, state: SandboxState): Promise<void> {
  const form = await readPageForm(req);
  const session = openSession(state, form.get('session'));
  const outcome = form.get('outcome');
  if (!isChallengeOutcome(outcome)) throw new PageError(400, 'invalid_outcome', '不正なリクエストです', '認証結果（outcome）が正しくありません。');
  const { location } = completeChallenge(state, session, outcome);
  const page = renderPage('ショップへ戻ります', html`<h1>ショップへ戻ります</h1>\n<p><a href="${location}">自動で移動しない場合はこちら</a></p>`);
  sendHtml(res, 303, page, { Location: location });
}

type PaygentHandler = (req: IncomingMessage, res: ServerResponse, state: SandboxState, url: URL) => void | Promise<void>;

// The token script and the token API check their own methods (they answer 405 as an API, not as a page).
const ROUTES: (SandboxRoute & { handle: PaygentHandler })[] = [
  { method: 'POST', pattern: exactPath(CONNECTOR_PATH), handle: connector },
  { method: 'GET', pattern: exactPath(CHALLENGE_PATH), handle: (_req, res, state, url) => showChallenge(res, state, url) },
  { method: 'POST', pattern: exactPath(COMPLETE_PATH), handle: complete },
  { method: '*', pattern: exactPath(PAYGENT_TOKEN_JS_PATH), handle: (req, res) => serveTokenScript(req, res) },
  { method: '*', pattern: exactPath(PAYGENT_TOKEN_CREATE_PATH), handle: handleTokenCreate },
];

/** Answers a request under `/paygent/`; returns false for paths it does not know. */
export function createPaygentRouter(state: SandboxState) {
  return async function handlePaygent(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const lookup = findRoute(ROUTES, req.method, url.pathname);
    if (lookup.kind === 'none') return false;
    try {
      if (lookup.kind === 'wrong_method') throw wrongMethod(lookup.allow);
      await lookup.route.handle(req, res, state, url);
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      sendErrorPage(res, error.status, error.heading, error.text, error.headers);
    }
    return true;
  };
}
