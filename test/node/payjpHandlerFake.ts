import type { PayjpChargeCreateQuery, PayjpChargeLike, PayjpClientLike, PayjpThreeDSecureRequestLike, PayjpTokenLike } from '../../src/server';

/** Keys used by the unit tests; every answer is scanned for the secret one. */
export const SECRET_KEY = 'sk_test_c62fade9d045b54cd76d7036';
export const PUBLIC_KEY = 'pk_test_0383a1b8f91e8a6e3ea0e2a9';
export const SECRET_BASIC = btoa(`${SECRET_KEY}:`);

export type ErrorShape = 'v2' | 'v3';

interface PayjpErrorBody {
  error: { message: string; type: string; status: number; code?: string; param?: string };
}

/**
 * An SDK HTTP error the way each `payjp` major throws it (reference §7). Both carry the secret
 * key where real ones might (PAY.JP's message, superagent's request headers), to prove that the
 * handler never copies them.
 */
export function sdkHttpError(shape: ErrorShape, status: number, code?: string, type = 'client_error'): Error {
  const body: PayjpErrorBody = { error: { message: `Invalid request with ${SECRET_KEY}`, type, status, ...(code ? { code } : {}) } };
  if (shape === 'v3') {
    return Object.assign(new Error(`HTTP Error ${status}`), { status, body, response: { body, status } });
  }
  // superagent: message is the status text, response holds headers and the request.
  return Object.assign(new Error(status === 404 ? 'Not Found' : 'Bad Request'), {
    status,
    response: {
      status,
      body,
      text: JSON.stringify(body),
      header: { 'content-type': 'application/json', 'x-debug': SECRET_KEY },
      req: { method: 'GET', headers: { authorization: `Basic ${SECRET_BASIC}` } },
    },
  });
}

/** Network failures and timeouts, as each major reports them. */
export function sdkNetworkError(shape: ErrorShape, kind: 'network' | 'timeout'): Error {
  if (shape === 'v3') {
    return kind === 'network'
      ? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
      : Object.assign(new Error('Timeout of 10000ms exceeded'), { name: 'TimeoutError', code: 'ETIMEDOUT', timeout: 10_000 });
  }
  return kind === 'network'
    ? Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 (${SECRET_KEY})`), { code: 'ECONNREFUSED', errno: -111 })
    : Object.assign(new Error('Timeout of 10000ms exceeded'), { code: 'ECONNABORTED', timeout: 10_000 });
}

type Method = 'cards.retrieve' | 'tdsr.create' | 'tdsr.retrieve' | 'charges.create' | 'charges.retrieve' | 'charges.tds_finish' | 'tokens.retrieve' | 'tokens.tds_finish';

/** The fake's clock for charges, Unix seconds (tests move it). */
export const FAKE_NOW_MS = Date.UTC(2025, 0, 15, 3, 0, 0);

interface FakeToken {
  id: string;
  status: string | null;
  /** Whether `tds_finish` ran (pay.js runs it in the iframe and sub-window workflows). */
  finished: boolean;
  /** When set, `tds_finish` turns an `unverified` token into this (a result that lands at finish). */
  finishResult?: string;
  /** Unix seconds, from the fake clock when put. */
  created: number;
}

/** An in-memory PAY.JP with customers, cards and three_d_secure_requests (no network). */
export function createFakePayjp(shape: ErrorShape = 'v3') {
  const cards = new Map<string, Set<string>>();
  const requests = new Map<string, PayjpThreeDSecureRequestLike>();
  const failures = new Map<Method, unknown>();
  const calls: { method: Method; args: unknown[] }[] = [];
  const charges = new Map<string, PayjpChargeLike>();
  const tokens = new Map<string, FakeToken>();
  /** Charges whose tds_finish is declined with this PAY.JP code (HTTP 402). */
  const declines = new Map<string, string>();
  const clock = { ms: FAKE_NOW_MS };
  let counter = 0;
  // A little latency in finishes, so unserialised concurrent finishes would overlap.
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  const run = async <T>(method: Method, args: unknown[], body: () => T): Promise<T> => {
    calls.push({ method, args });
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      throw failure;
    }
    if (method.endsWith('tds_finish')) await tick();
    return body();
  };

  const readToken = (id: string): PayjpTokenLike => {
    const token = tokens.get(id);
    if (!token) throw sdkHttpError(shape, 404, 'invalid_id');
    return { id: token.id, card: { three_d_secure_status: token.status }, created: token.created };
  };

  const client: PayjpClientLike = {
    customers: {
      cards: {
        retrieve: (customerId, cardId) =>
          run('cards.retrieve', [customerId, cardId], () => {
            if (!cards.get(customerId)?.has(cardId)) throw sdkHttpError(shape, 404, 'invalid_id', 'client_error');
            return { id: cardId };
          }),
      },
    },
    three_d_secure_requests: {
      create: (query) =>
        run('tdsr.create', [query], () => {
          counter += 1;
          const request: PayjpThreeDSecureRequestLike = {
            id: `tdsr_fake${counter}`,
            resource_id: query.resource_id,
            state: 'created',
            three_d_secure_status: 'unverified',
            created: 1_730_084_767,
            started_at: null,
            result_received_at: null,
            finished_at: null,
            expired_at: null,
          };
          requests.set(request.id, request);
          return { ...request };
        }),
      retrieve: (id) =>
        run('tdsr.retrieve', [id], () => {
          const request = requests.get(id);
          if (!request) throw sdkHttpError(shape, 404, 'invalid_id');
          return { ...request };
        }),
    },
    charges: {
      create: (query: PayjpChargeCreateQuery) =>
        run('charges.create', [query], () => {
          if (query.card.startsWith('tok_') && !tokens.has(query.card)) throw sdkHttpError(shape, 404, 'invalid_id');
          counter += 1;
          const charge: PayjpChargeLike = {
            id: `ch_fake${counter}`,
            amount: query.amount,
            currency: query.currency,
            paid: false,
            captured: false,
            created: Math.floor(clock.ms / 1000),
            failure_code: null,
            three_d_secure_status: 'unverified',
            metadata: { ...query.metadata },
          };
          charges.set(charge.id, charge);
          return { ...charge };
        }),
      retrieve: (id) =>
        run('charges.retrieve', [id], () => {
          const charge = charges.get(id);
          if (!charge) throw sdkHttpError(shape, 404, 'invalid_id');
          return { ...charge };
        }),
      tds_finish: (id) =>
        run('charges.tds_finish', [id], () => {
          const charge = charges.get(id);
          if (!charge) throw sdkHttpError(shape, 404, 'invalid_id');
          if (charge.paid) throw sdkHttpError(shape, 400, 'invalid_three_d_secure_state');
          if (charge.three_d_secure_status !== 'verified' && charge.three_d_secure_status !== 'attempted') throw sdkHttpError(shape, 400, 'three_d_secure_incompleted');
          const decline = declines.get(id);
          if (decline) {
            charge.failure_code = decline;
            throw sdkHttpError(shape, 402, decline, 'card_error');
          }
          charge.paid = true;
          charge.captured = true;
          return { ...charge };
        }),
    },
    tokens: {
      retrieve: (id) => run('tokens.retrieve', [id], () => readToken(id)),
      tds_finish: (id) =>
        run('tokens.tds_finish', [id], () => {
          // The sandbox's order: not in flow, second finish, (expiry: via failNext), incomplete.
          const token = tokens.get(id);
          if (!token) throw sdkHttpError(shape, 404, 'invalid_id');
          if (token.status === null) throw sdkHttpError(shape, 400, 'not_in_three_d_secure_flow');
          if (token.finished) throw sdkHttpError(shape, 400, 'invalid_three_d_secure_state');
          if (token.status === 'unverified' && token.finishResult !== undefined) token.status = token.finishResult;
          if (token.status !== 'verified' && token.status !== 'attempted') throw sdkHttpError(shape, 400, 'three_d_secure_incompleted');
          token.finished = true;
          return readToken(id);
        }),
    },
  };

  return {
    client,
    calls,
    addCard(customerId: string, cardId: string) {
      if (!cards.has(customerId)) cards.set(customerId, new Set());
      cards.get(customerId)?.add(cardId);
    },
    /** Puts a request in place directly (any state). */
    putRequest(request: Partial<PayjpThreeDSecureRequestLike> & { id: string; resource_id: string }) {
      requests.set(request.id, {
        state: 'created',
        three_d_secure_status: 'unverified',
        created: 1_730_084_767,
        started_at: null,
        result_received_at: null,
        finished_at: null,
        expired_at: null,
        ...request,
      });
    },
    /** The fake PAY.JP's clock for new charges (milliseconds). */
    clock,
    /** Puts a charge in place directly (any state). */
    putCharge(charge: Partial<PayjpChargeLike> & { id: string }) {
      charges.set(charge.id, {
        amount: 1000,
        currency: 'jpy',
        paid: false,
        captured: false,
        created: Math.floor(clock.ms / 1000),
        failure_code: null,
        three_d_secure_status: 'unverified',
        metadata: null,
        ...charge,
      });
    },
    /** Changes a stored charge (e.g. the challenge's result landing). */
    updateCharge(id: string, change: Partial<PayjpChargeLike>) {
      const charge = charges.get(id);
      if (!charge) throw new Error(`no charge ${id}`);
      Object.assign(charge, change);
    },
    charge(id: string): PayjpChargeLike | undefined {
      return charges.get(id);
    },
    /** tds_finish of this charge answers PAY.JP's 402 with `code`. */
    declineAtFinish(id: string, code: string) {
      declines.set(id, code);
    },
    /**
     * A token with a 3-D Secure status (`null`: no 3-D Secure). `finished`: tds_finish already ran;
     * `finishResult`: what tds_finish makes of an `unverified` token.
     */
    putToken(id: string, status: string | null, options: { finished?: boolean; finishResult?: string } = {}) {
      const created = tokens.get(id)?.created ?? Math.floor(clock.ms / 1000);
      tokens.set(id, { id, status, created, finished: options.finished ?? false, ...(options.finishResult === undefined ? {} : { finishResult: options.finishResult }) });
    },
    token(id: string): FakeToken | undefined {
      return tokens.get(id);
    },
    /** The next call of `method` rejects with `error`. */
    failNext(method: Method, error: unknown) {
      failures.set(method, error);
    },
  };
}

/** Every answer body the tests saw, to scan for the secret key at the end of each file. */
export const seenBodies: string[] = [];

/** Calls a Fetch handler and keeps the answer's text (and headers) for the secret-key scan. */
export async function send(handler: (request: Request) => Promise<Response>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  // Like the kit's client: every POST is declared JSON, with or without a body.
  const init: RequestInit = { method, headers: method === 'POST' || body !== undefined ? { 'content-type': 'application/json', ...headers } : { ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await handler(new Request(`https://shop.example${path}`, init));
  const text = await response.text();
  const headerText = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  seenBodies.push(text, headerText);
  // Loosely typed on purpose: tests reach into answers and assert their exact shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, text, json: (text ? JSON.parse(text) : undefined) as Record<string, any> };
}

/** No answer may carry the secret key, raw or as the Basic credential. */
export function expectNoSecretIn(texts: readonly string[]) {
  const leaks = texts.filter((text) => text.includes(SECRET_KEY) || text.includes(SECRET_BASIC) || text.includes('c62fade9d045b54cd76d7036'));
  if (leaks.length > 0) throw new Error(`secret key found in ${leaks.length} answer(s): ${leaks[0]}`);
}
