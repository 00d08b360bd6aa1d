import type { ApiContext, ApiRoute } from './api';
import { allowOnly, booleanParam, ok } from './api';
import { cardObject, CARD_FIELDS, createCard } from './cards';
import { invalidParam, noSuchResource, PayjpApiError, tdsStateError } from './errors';
import { newId, unixSeconds } from './ids';
import type { PayjpState, TokenRecord } from './store';
import { finishFlow, flowStatus, newFlow } from './tdsFlow';

/** Header that lets the secret key create a token from raw card data (test mode only, as PAY.JP). */
export const DIRECT_TOKEN_HEADER = 'x-payjp-direct-token-generate';

const TOKEN_KEYS = new Set([...CARD_FIELDS.map((field) => `card[${field}]`), 'three_d_secure']);

export function tokenObject(state: PayjpState, token: TokenRecord) {
  const card = state.cards.get(token.cardId);
  // While its 3-D Secure is open, the token's card reads the flow's status.
  const status = token.tds !== null && token.tds.finishedAt === null ? flowStatus(state, token.tds, token.created) : undefined;
  return {
    id: token.id,
    object: 'token' as const,
    card: card ? (status === undefined ? cardObject(card) : cardObject(card, status)) : null,
    created: unixSeconds(token.created),
    livemode: false,
    used: token.used,
  };
}

function createToken({ req, state, key, input }: ApiContext) {
  if (key === 'secret' && req.headers[DIRECT_TOKEN_HEADER] !== 'true') {
    // PAY.JP's exact answer here is not documented; the sandbox refuses with a 400 that says why.
    throw new PayjpApiError(
      400,
      'client_error',
      'Card data cannot be sent with the secret key unless the request has the header "X-Payjp-Direct-Token-Generate: true" (test mode only). Create tokens with payjs and the public key.',
      'no_allowed_param',
      'card',
    );
  }
  allowOnly(input, (name) => TOKEN_KEYS.has(name));
  // The account setting "3-D Secure on every token" overrides the flag (help.pay.jp 5366097).
  const requested = booleanParam(input, 'three_d_secure') ?? false;
  const threeDSecure = state.options.tokenThreeDSecure === 'always' || requested;
  const now = state.options.now();
  const card = createCard(input, now);
  const token: TokenRecord = { id: newId('tok'), cardId: card.id, created: now, used: false, tds: threeDSecure ? newFlow() : null };
  state.cards.set(card.id, card);
  state.tokens.set(token.id, token);
  return ok(tokenObject(state, token));
}

export function findToken(state: PayjpState, id: string, param = 'id'): TokenRecord {
  const token = state.tokens.get(id);
  if (!token) throw noSuchResource('token', id, param);
  return token;
}

/**
 * A token that a charge or customer may use: it exists (404), is unused (400
 * `token_already_used`) and, if created with `three_d_secure=true`, was finished with
 * `tds_finish` (400 `unverified_token`).
 */
export function usableToken(state: PayjpState, id: string, param = 'card'): TokenRecord {
  const token = findToken(state, id, param);
  const card = state.cards.get(token.cardId);
  if (token.used || !card || card.customerId !== null) throw invalidParam(param, `Token ${id} has already been used.`, 'token_already_used');
  if (token.tds !== null && token.tds.finishedAt === null) {
    throw tdsStateError('unverified_token', `Token ${id} has not finished 3-D Secure: call POST /v1/tokens/${id}/tds_finish first.`, param);
  }
  return token;
}

function retrieveToken({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  return ok(tokenObject(state, findToken(state, params[0] ?? '')));
}

/** `POST /v1/tokens/:id/tds_finish`: the public key may call it, as PAY.JP's mobile SDKs and pay.js do. */
function finishToken({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  const token = findToken(state, params[0] ?? '');
  const finished = finishFlow(state, token.tds, token.created, 'token');
  const card = state.cards.get(token.cardId);
  if (card && !finished.repeated) card.threeDSecureStatus = finished.status;
  return ok(tokenObject(state, token));
}

/**
 * `POST /v1/tokens` (public key, or secret key + direct-token header), `GET /v1/tokens/:id`,
 * `POST /v1/tokens/:id/tds_finish` (public or secret key).
 */
export const tokenRoutes: ApiRoute[] = [
  { method: 'POST', pattern: /^\/tokens$/, auth: 'public', handle: createToken },
  { method: 'GET', pattern: /^\/tokens\/([^/]+)$/, auth: 'secret', handle: retrieveToken },
  { method: 'POST', pattern: /^\/tokens\/([^/]+)\/tds_finish$/, auth: 'public', handle: finishToken },
];
