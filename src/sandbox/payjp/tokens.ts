import type { ApiContext, ApiRoute } from './api';
import { allowOnly, ok } from './api';
import { cardObject, CARD_FIELDS, createCard } from './cards';
import { invalidParam, noSuchResource, PayjpApiError } from './errors';
import { newId, unixSeconds } from './ids';
import type { PayjpState, TokenRecord } from './store';

/** Header that lets the secret key create a token from raw card data (test mode only, as PAY.JP). */
export const DIRECT_TOKEN_HEADER = 'x-payjp-direct-token-generate';

const TOKEN_KEYS = new Set(CARD_FIELDS.map((field) => `card[${field}]`));

export function tokenObject(state: PayjpState, token: TokenRecord) {
  const card = state.cards.get(token.cardId);
  return {
    id: token.id,
    object: 'token' as const,
    card: card ? cardObject(card) : null,
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
  if (input.has('three_d_secure')) {
    throw invalidParam('three_d_secure', 'The sandbox does not model token 3-D Secure yet.', 'invalid_param_key');
  }
  allowOnly(input, (name) => TOKEN_KEYS.has(name));
  const now = state.options.now();
  const card = createCard(input, now);
  const token: TokenRecord = { id: newId('tok'), cardId: card.id, created: now, used: false };
  state.cards.set(card.id, card);
  state.tokens.set(token.id, token);
  return ok(tokenObject(state, token));
}

export function findToken(state: PayjpState, id: string, param = 'id'): TokenRecord {
  const token = state.tokens.get(id);
  if (!token) throw noSuchResource('token', id, param);
  return token;
}

function retrieveToken({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  return ok(tokenObject(state, findToken(state, params[0] ?? '')));
}

/** `POST /v1/tokens` (public key, or secret key + direct-token header), `GET /v1/tokens/:id`. */
export const tokenRoutes: ApiRoute[] = [
  { method: 'POST', pattern: /^\/tokens$/, auth: 'public', handle: createToken },
  { method: 'GET', pattern: /^\/tokens\/([^/]+)$/, auth: 'secret', handle: retrieveToken },
];
