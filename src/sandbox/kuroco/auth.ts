import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookies } from '../http';
import type { SandboxState } from '../state';
import { readJsonObject } from './body';
import type { KurocoAnswer, KurocoContext } from './context';
import { KurocoApiError, kurocoError, type KurocoErrorItem } from './envelope';

/** Name of the session cookie issued by the sandbox's login endpoint (cookie auth). */
export const SANDBOX_SESSION_COOKIE = 'rcms_sandbox_session';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The valid cookie session of the request, if any. */
export function sessionOf(req: IncomingMessage, state: SandboxState): string | null {
  const value = parseCookies(req).get(SANDBOX_SESSION_COOKIE);
  return value !== undefined && state.loginSessions.has(value) ? value : null;
}

/**
 * Applies the configured API security; throws 401 `unauthorized`, or 403 `forbidden` under
 * `authFailureStatus: 403`, when the request does not pass it.
 */
export function authenticate(req: IncomingMessage, state: SandboxState): void {
  const { auth, accessToken, authFailureStatus } = state.kuroco;
  const code = authFailureStatus === 403 ? 'forbidden' : 'unauthorized';
  if (auth === 'token') {
    const header = req.headers['x-rcms-api-access-token'];
    if (typeof header !== 'string' || !sameText(header, accessToken)) {
      throw kurocoError(code, 'アクセストークンが正しくありません。');
    }
  } else if (auth === 'cookie' && sessionOf(req, state) === null) {
    throw kurocoError(code, 'ログインしてください。');
  }
}

function setSessionCookie(res: ServerResponse, value: string): void {
  res.setHeader('Set-Cookie', `${SANDBOX_SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax`);
}

/**
 * `POST {apiBase}/login`: accepts any non-empty email and password, answers like Kuroco's
 * `Login::login_challenge` and sets the session cookie.
 */
export async function login(ctx: KurocoContext): Promise<KurocoAnswer> {
  const body = await readJsonObject(ctx.req);
  const errors: KurocoErrorItem[] = [];
  for (const [field, label] of [
    ['email', 'メールアドレス'],
    ['password', 'パスワード'],
  ] as const) {
    const value = body[field];
    if (typeof value !== 'string' || value === '') {
      errors.push({ code: 'required', field, message: `${label}（${field}）を入力してください。` });
    }
  }
  if (errors.length > 0) throw new KurocoApiError(errors);
  const session = randomBytes(24).toString('base64url');
  ctx.state.loginSessions.add(session);
  setSessionCookie(ctx.res, session);
  const memberId = ctx.state.nextMemberId++;
  return {
    status: 200,
    body: {
      grant_token: randomBytes(24).toString('hex'),
      status: 0,
      member_id: memberId,
      info: { validUntil: Math.floor(ctx.state.kuroco.now() / 1000) + 3600 },
      messages: [],
      errors: [],
    },
  };
}
