import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SafeHtml } from '../html';
import { BodyTooLargeError, readBody, sendHtml } from '../http';
import { httpOrigin, openContext, sealContext, type TdsContext } from './context';
import { BackUrlError, verifyBackUrl } from './jws';
import { isPayjpChallengeOutcome, statusOf, type PayjpChallengeOutcome } from './outcomes';
import { challengePage, errorPage, frictionlessPage, notifyPage, TDS_CANCELED_MESSAGE, TDS_COMPLETE_MESSAGE } from './pages';
import type { PayjpState } from './store';
import { findTdsTarget, type TdsTarget } from './tdsTargets';

/** Prefix of the 3-D Secure pages (`/v1/tds/{id}/start`, and the sandbox-only `/v1/tds/{id}/complete`). */
export const TDS_PREFIX = '/v1/tds/';

const START = /^\/v1\/tds\/([^/]+)\/start$/;
const COMPLETE = /^\/v1\/tds\/([^/]+)\/complete$/;

class PageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly heading: string,
    readonly text: string,
    readonly context: TdsContext | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(heading);
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function requireMethod(req: IncomingMessage, method: 'GET' | 'POST'): void {
  if (req.method !== method) {
    throw new PageError(405, 'not_allowed_method', '許可されていないメソッドです', `この URL は ${method} のみ受け付けます。`, null, { Allow: method });
  }
}

/** The start page's context: the workflow and where it ends, checked before anything changes. */
function startContext(url: URL, id: string, state: PayjpState): TdsContext {
  const query = url.searchParams;
  const publicKey = query.get('publickey');
  if (!publicKey) throw new PageError(400, 'missing_publickey', '不正なリクエストです', 'publickey（公開鍵）が指定されていません。');
  if (publicKey !== state.options.publicKey) {
    throw new PageError(400, 'invalid_publickey', '不正なリクエストです', 'publickey がこのアカウントの公開鍵ではありません。');
  }
  const workflow = query.get('workflow');
  if (workflow === 'iframe' || workflow === 'subwindow') {
    const origin = httpOrigin(query.get('origin'));
    if (!origin) throw new PageError(400, 'invalid_origin', '不正なリクエストです', 'origin は http(s) のオリジン（例: https://shop.example）でなければなりません。');
    return { id, workflow, origin };
  }
  if (workflow !== null) throw new PageError(400, 'invalid_workflow', '不正なリクエストです', 'workflow は iframe か subwindow です（リダイレクト型では指定しません）。');
  const backUrl = query.get('back_url');
  if (!backUrl) {
    const text = query.has('back')
      ? 'back（管理画面に登録した戻り先の識別子）はサンドボックスでは使えません。back_url を指定してください。'
      : 'back_url（戻り先 URL を含む JWS）が指定されていません。';
    throw new PageError(400, 'missing_back_url', '不正なリクエストです', text);
  }
  try {
    return { id, workflow: 'redirect', backUrl: verifyBackUrl(backUrl, state.options.secretKey) };
  } catch (error) {
    if (error instanceof BackUrlError) throw new PageError(400, 'invalid_back_url', 'back_url が正しくありません', error.message);
    throw error;
  }
}

function openTarget(state: PayjpState, id: string, context: TdsContext | null): TdsTarget {
  const target = findTdsTarget(state, id);
  if (!target) throw new PageError(404, 'invalid_id', '3Dセキュアの対象が見つかりません', `${id} は存在しないか、このサンドボックスのものではありません。`, context);
  const phase = target.phase();
  if (phase === 'finished') {
    throw new PageError(409, 'already_finished', 'この認証は完了済みです', 'この 3Dセキュア認証は既に完了しています。結果はショップの画面でご確認ください。', context);
  }
  if (phase === 'not_in_flow') {
    throw new PageError(400, 'not_in_three_d_secure_flow', '3Dセキュアの対象ではありません', `${id} は 3Dセキュア（three_d_secure=true）で作成されていません。`, context);
  }
  if (phase === 'expired') {
    throw new PageError(400, 'three_d_secure_expired', '認証の有効期限が切れています', 'この 3Dセキュア認証は期限切れのため完了できません。ショップの画面からやり直してください。', context);
  }
  return target;
}

function start(req: IncomingMessage, res: ServerResponse, url: URL, id: string, state: PayjpState): void {
  requireMethod(req, 'GET');
  const context = startContext(url, id, state);
  const target = openTarget(state, id, context);
  target.start();
  const sealed = sealContext(state.signingKey, context);
  const behaviour = target.card?.tds ?? 'challenge';
  sendHtml(res, 200, behaviour === 'challenge' ? challengePage(id, target.card, sealed) : frictionlessPage(id, target.card, sealed, behaviour));
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  try {
    return new URLSearchParams((await readBody(req)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new PageError(413, 'too_large', 'リクエストが大きすぎます', '送信されたデータが大きすぎます。');
    throw error;
  }
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
  requireMethod(req, 'POST');
  const form = await readForm(req);
  const context = openContext(state.signingKey, form.get('context'));
  if (!context || context.id !== id) {
    throw new PageError(400, 'invalid_context', '不正なリクエストです', '認証データの署名が一致しません。フォームの値が改変された可能性があります。');
  }
  const target = openTarget(state, id, context);
  const behaviour = target.card?.tds ?? 'challenge';
  let outcome: PayjpChallengeOutcome;
  if (behaviour !== 'challenge') {
    outcome = behaviour;
  } else {
    const chosen = form.get('outcome');
    if (!isPayjpChallengeOutcome(chosen)) throw new PageError(400, 'invalid_outcome', '不正なリクエストです', '認証結果（outcome）が正しくありません。', context);
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
  const page: SafeHtml = errorPage(error.heading, error.text, error.code, error.context);
  sendHtml(res, error.status, page, error.headers);
}

/** Answers `/v1/tds/{id}/start` and `/v1/tds/{id}/complete`; false for other paths. */
export async function handleTdsPage(req: IncomingMessage, res: ServerResponse, url: URL, state: PayjpState): Promise<boolean> {
  const startMatch = START.exec(url.pathname);
  const completeMatch = startMatch ? null : COMPLETE.exec(url.pathname);
  if (!startMatch && !completeMatch) return false;
  try {
    if (startMatch) start(req, res, url, decode(startMatch[1] ?? ''), state);
    else await complete(req, res, decode(completeMatch?.[1] ?? ''), state);
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    sendPageError(res, error);
  }
  return true;
}
