import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SafeHtml } from '../html';
import { sendHtml } from '../http';
import { PageError, readPageForm, wrongMethod } from '../pageError';
import { findRoute, type SandboxRoute } from '../router';
import { httpOrigin, openContext, sealContext, type TdsContext } from './context';
import { BackUrlError, verifyBackUrl } from './jws';
import { isPayjpChallengeOutcome, statusOf, type PayjpChallengeOutcome } from './outcomes';
import { challengePage, errorPage, frictionlessPage, notifyPage, TDS_CANCELED_MESSAGE, TDS_COMPLETE_MESSAGE } from './pages';
import type { PayjpState } from './store';
import { findTdsTarget, type TdsTarget } from './tdsTargets';

/** Prefix of the 3-D Secure pages (`/v1/tds/{id}/start`, and the sandbox-only `/v1/tds/{id}/complete`). */
export const TDS_PREFIX = '/v1/tds/';


/** A page error that knows the challenge's context (the error page then tells pay.js, or links back). */
class TdsPageError extends PageError {
  constructor(status: number, code: string, heading: string, text: string, readonly context: TdsContext | null = null) {
    super(status, code, heading, text);
  }
}

/** The start page's context: the workflow and where it ends, checked before anything changes. */
function startContext(url: URL, id: string, state: PayjpState): TdsContext {
  const query = url.searchParams;
  const publicKey = query.get('publickey');
  if (!publicKey) throw new TdsPageError(400, 'missing_publickey', '不正なリクエストです', 'publickey（公開鍵）が指定されていません。');
  if (publicKey !== state.options.publicKey) {
    throw new TdsPageError(400, 'invalid_publickey', '不正なリクエストです', 'publickey がこのアカウントの公開鍵ではありません。');
  }
  const workflow = query.get('workflow');
  if (workflow === 'iframe' || workflow === 'subwindow') {
    const origin = httpOrigin(query.get('origin'));
    if (!origin) throw new TdsPageError(400, 'invalid_origin', '不正なリクエストです', 'origin は http(s) のオリジン（例: https://shop.example）でなければなりません。');
    return { id, workflow, origin };
  }
  if (workflow !== null) throw new TdsPageError(400, 'invalid_workflow', '不正なリクエストです', 'workflow は iframe か subwindow です（リダイレクト型では指定しません）。');
  const backUrl = query.get('back_url');
  if (!backUrl) {
    const text = query.has('back')
      ? 'back（管理画面に登録した戻り先の識別子）はサンドボックスでは使えません。back_url を指定してください。'
      : 'back_url（戻り先 URL を含む JWS）が指定されていません。';
    throw new TdsPageError(400, 'missing_back_url', '不正なリクエストです', text);
  }
  try {
    return { id, workflow: 'redirect', backUrl: verifyBackUrl(backUrl, state.options.secretKey) };
  } catch (error) {
    if (error instanceof BackUrlError) throw new TdsPageError(400, 'invalid_back_url', 'back_url が正しくありません', error.message);
    throw error;
  }
}

function openTarget(state: PayjpState, id: string, context: TdsContext | null): TdsTarget {
  const target = findTdsTarget(state, id);
  if (!target) throw new TdsPageError(404, 'invalid_id', '3Dセキュアの対象が見つかりません', `${id} は存在しないか、このサンドボックスのものではありません。`, context);
  const phase = target.phase();
  if (phase === 'finished') {
    throw new TdsPageError(409, 'already_finished', 'この認証は完了済みです', 'この 3Dセキュア認証は既に完了しています。結果はショップの画面でご確認ください。', context);
  }
  if (phase === 'not_in_flow') {
    throw new TdsPageError(400, 'not_in_three_d_secure_flow', '3Dセキュアの対象ではありません', `${id} は 3Dセキュア（three_d_secure=true）で作成されていません。`, context);
  }
  if (phase === 'expired') {
    throw new TdsPageError(400, 'three_d_secure_expired', '認証の有効期限が切れています', 'この 3Dセキュア認証は期限切れのため完了できません。ショップの画面からやり直してください。', context);
  }
  return target;
}

function start(res: ServerResponse, url: URL, id: string, state: PayjpState): void {
  const context = startContext(url, id, state);
  const target = openTarget(state, id, context);
  target.start();
  const sealed = sealContext(state.signingKey, context);
  const behaviour = target.card?.tds ?? 'challenge';
  sendHtml(res, 200, behaviour === 'challenge' ? challengePage(id, target.card, sealed) : frictionlessPage(id, target.card, sealed, behaviour));
}

/** Where the shopper goes after the challenge: 303 to the signed URL, or the page that tells pay.js. */
function finish(res: ServerResponse, context: TdsContext, canceled: boolean): void {
  if (context.workflow === 'redirect') {
    // Exactly the signed URL: PAY.JP adds nothing to the return URL.
    res.writeHead(303, { Location: context.backUrl ?? '/', 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const page = canceled
    ? notifyPage(context, TDS_CANCELED_MESSAGE, '認証を中止しました', 'ショップの画面に戻ります。', true)
    : notifyPage(context, TDS_COMPLETE_MESSAGE, '認証が終わりました', 'ショップの画面に戻ります。', true);
  sendHtml(res, 200, page);
}

async function complete(req: IncomingMessage, res: ServerResponse, id: string, state: PayjpState): Promise<void> {
  const form = await readPageForm(req);
  const context = openContext(state.signingKey, form.get('context'));
  if (!context || context.id !== id) {
    throw new TdsPageError(400, 'invalid_context', '不正なリクエストです', '認証データの署名が一致しません。フォームの値が改変された可能性があります。');
  }
  const target = openTarget(state, id, context);
  const behaviour = target.card?.tds ?? 'challenge';
  let outcome: PayjpChallengeOutcome;
  if (behaviour !== 'challenge') {
    outcome = behaviour;
  } else {
    const chosen = form.get('outcome');
    if (!isPayjpChallengeOutcome(chosen)) throw new TdsPageError(400, 'invalid_outcome', '不正なリクエストです', '認証結果（outcome）が正しくありません。', context);
    outcome = chosen;
  }
  if (outcome === 'abandon') {
    finish(res, context, true);
    return;
  }
  const now = state.options.now();
  target.complete(statusOf(outcome), outcome === 'slow' ? now + state.options.slowIssuerMs : now);
  finish(res, context, false);
}

function sendPageError(res: ServerResponse, error: PageError): void {
  const page: SafeHtml = errorPage(error.heading, error.text, error.code, error instanceof TdsPageError ? error.context : null);
  sendHtml(res, error.status, page, error.headers);
}

type TdsHandler = (req: IncomingMessage, res: ServerResponse, url: URL, id: string, state: PayjpState) => void | Promise<void>;

const ROUTES: (SandboxRoute & { handle: TdsHandler })[] = [
  { method: 'GET', pattern: /^\/v1\/tds\/([^/]+)\/start$/, handle: (_req, res, url, id, state) => start(res, url, id, state) },
  { method: 'POST', pattern: /^\/v1\/tds\/([^/]+)\/complete$/, handle: (req, res, _url, id, state) => complete(req, res, id, state) },
];

/** Answers `/v1/tds/{id}/start` and `/v1/tds/{id}/complete`; false for other paths. */
export async function handleTdsPage(req: IncomingMessage, res: ServerResponse, url: URL, state: PayjpState): Promise<boolean> {
  const lookup = findRoute(ROUTES, req.method, url.pathname);
  if (lookup.kind === 'none') return false;
  try {
    if (lookup.kind === 'wrong_method') throw wrongMethod(lookup.allow);
    await lookup.route.handle(req, res, url, lookup.params[0] ?? '', state);
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    sendPageError(res, error);
  }
  return true;
}
