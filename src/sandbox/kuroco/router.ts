import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors, delay, sendJson, type CorsPolicy } from '../http';
import { escapeRegExp, findRoute, type SandboxRoute } from '../router';
import type { SandboxState } from '../state';
import { authenticate, login, sessionOf } from './auth';
import type { KurocoAnswer, KurocoContext } from './context';
import { KurocoApiError, kurocoError, sendKurocoError } from './envelope';
import { getOrderDetails } from './orderDetails';
import { purchase } from './purchase';

// Kuroco's cookie mode needs credentials; the request id is for support, so pages may read it.
const KUROCO_CORS: CorsPolicy = {
  methods: 'GET, POST, OPTIONS',
  headers: 'content-type, x-rcms-api-access-token',
  expose: 'x-rcms-request-id',
  credentials: true,
};

/** Prefix of every path the Kuroco stand-in answers (any API id). */
export const KUROCO_PREFIX = '/rcms-api/';

interface Endpoint extends SandboxRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Placeholder names, in the order of the pattern's groups. */
  params: string[];
  authenticated: boolean;
  handle: (ctx: KurocoContext) => KurocoAnswer | Promise<KurocoAnswer>;
}

/** Turns `ec/order/{ec_order_id}` into a pattern for `/rcms-api/1/ec/order/1001` (an optional trailing slash). */
function compile(apiId: number, template: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  const source = template
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      const name = /^\{([a-z_]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      params.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^/rcms-api/${apiId}/${source}/?$`), params };
}

export function createKurocoRouter(state: SandboxState) {
  const { apiId, paths } = state.kuroco;
  const endpoints: Endpoint[] = [
    { method: 'POST', ...compile(apiId, 'login'), authenticated: false, handle: login },
    { method: 'POST', ...compile(apiId, paths.purchase), authenticated: true, handle: purchase },
    { method: 'GET', ...compile(apiId, paths.orderDetails), authenticated: true, handle: getOrderDetails },
  ];

  async function answer(req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string): Promise<KurocoAnswer> {
    const lookup = findRoute(endpoints, req.method, pathname);
    if (lookup.kind === 'none') throw kurocoError('not_found', 'リクエストされたエンドポイントは存在しません。');
    if (lookup.kind === 'wrong_method') {
      throw kurocoError('method_not_allowed', `${req.method ?? ''} メソッドは許可されていません。`, { Allow: [...lookup.allow, 'OPTIONS'].join(', ') });
    }
    const endpoint = lookup.route;
    if (endpoint.authenticated) authenticate(req, state);
    const params = Object.fromEntries(endpoint.params.map((name, index) => [name, lookup.params[index] ?? '']));
    return endpoint.handle({ req, res, state, requestId, session: sessionOf(req, state), params });
  }

  /** Answers a request under `/rcms-api/` with Kuroco's envelope, headers and CORS. */
  return async function handleKuroco(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const requestId = randomUUID();
    res.setHeader('x-rcms-request-id', requestId);
    applyCors(req, res, KUROCO_CORS);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    await delay(state.kuroco.latencyMs);
    try {
      const { status, body } = await answer(req, res, pathname, requestId);
      sendJson(res, status, body);
    } catch (error) {
      const apiError =
        error instanceof KurocoApiError ? error : kurocoError('internal_server_error', 'サーバーでエラーが発生しました。');
      if (!res.headersSent) sendKurocoError(res, requestId, apiError);
      else res.destroy();
    }
  };
}
