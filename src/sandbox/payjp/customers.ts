import type { ApiContext, ApiRoute } from './api';
import { allowOnly, booleanParam, LIST_KEYS, listOf, metadataOf, ok, textParam } from './api';
import { cardObject } from './cards';
import { invalidParam, missingParam, noSuchResource } from './errors';
import { newId, unixSeconds } from './ids';
import type { CardRecord, CustomerRecord, PayjpState } from './store';
import { usableToken } from './tokens';

function cardsList(state: PayjpState, customer: CustomerRecord, input = new URLSearchParams()) {
  const cards = customer.cardIds.map((id) => state.cards.get(id)).filter((card): card is CardRecord => card !== undefined);
  return listOf(input, `/v1/customers/${customer.id}/cards`, cards, (card) => unixSeconds(card.created), (card) => cardObject(card));
}

export function customerObject(state: PayjpState, customer: CustomerRecord) {
  return {
    id: customer.id,
    object: 'customer' as const,
    cards: cardsList(state, customer),
    created: unixSeconds(customer.created),
    default_card: customer.defaultCard,
    description: customer.description,
    email: customer.email,
    livemode: false,
    metadata: customer.metadata,
    subscriptions: { object: 'list' as const, data: [], count: 0, has_more: false, url: `/v1/customers/${customer.id}/subscriptions` },
  };
}

export function findCustomer(state: PayjpState, id: string): CustomerRecord {
  const customer = state.customers.get(id);
  if (!customer) throw noSuchResource('customer', id);
  return customer;
}

/** Attaches the card of an unused token (`card=tok_…`) to the customer and uses the token up. */
function attachToken(state: PayjpState, customer: CustomerRecord, tokenId: string, makeDefault: boolean): CardRecord {
  const token = usableToken(state, tokenId, 'card');
  const card = state.cards.get(token.cardId);
  if (!card) throw invalidParam('card', `Token ${tokenId} has already been used.`, 'token_already_used');
  token.used = true;
  card.customerId = customer.id;
  customer.cardIds.push(card.id);
  if (makeDefault || customer.defaultCard === null) customer.defaultCard = card.id;
  return card;
}

function createCustomer({ state, input }: ApiContext) {
  allowOnly(input, (key) => ['card', 'email', 'description'].includes(key) || key.startsWith('metadata['));
  const metadata = metadataOf(input);
  const email = textParam(input, 'email');
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalidParam('email', 'Invalid email address.', 'invalid_email');
  const customer: CustomerRecord = {
    id: newId('cus'),
    created: state.options.now(),
    email,
    description: textParam(input, 'description'),
    metadata: metadata ?? {},
    cardIds: [],
    defaultCard: null,
  };
  const token = textParam(input, 'card');
  // Check the token before the customer exists, so a bad token creates nothing.
  if (token !== null) usableToken(state, token, 'card');
  state.customers.set(customer.id, customer);
  if (token !== null) attachToken(state, customer, token, true);
  return ok(customerObject(state, customer));
}

function retrieveCustomer({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  return ok(customerObject(state, findCustomer(state, params[0] ?? '')));
}

function createCustomerCard({ state, params, input }: ApiContext) {
  allowOnly(input, (key) => key === 'card' || key === 'default');
  const customer = findCustomer(state, params[0] ?? '');
  const token = textParam(input, 'card');
  if (token === null) throw missingParam('card');
  const makeDefault = booleanParam(input, 'default') ?? false;
  return ok(cardObject(attachToken(state, customer, token, makeDefault)));
}

function listCustomerCards({ state, params, input }: ApiContext) {
  allowOnly(input, (key) => LIST_KEYS.includes(key));
  return ok(cardsList(state, findCustomer(state, params[0] ?? ''), input));
}

function retrieveCustomerCard({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  const customer = findCustomer(state, params[0] ?? '');
  const cardId = params[1] ?? '';
  const card = state.cards.get(cardId);
  if (!card || card.customerId !== customer.id) throw noSuchResource('card', cardId);
  return ok(cardObject(card));
}

/** Customers and their cards. */
export const customerRoutes: ApiRoute[] = [
  { method: 'POST', pattern: /^\/customers$/, auth: 'secret', handle: createCustomer },
  { method: 'GET', pattern: /^\/customers\/([^/]+)$/, auth: 'secret', handle: retrieveCustomer },
  { method: 'POST', pattern: /^\/customers\/([^/]+)\/cards$/, auth: 'secret', handle: createCustomerCard },
  { method: 'GET', pattern: /^\/customers\/([^/]+)\/cards$/, auth: 'secret', handle: listCustomerCards },
  { method: 'GET', pattern: /^\/customers\/([^/]+)\/cards\/([^/]+)$/, auth: 'secret', handle: retrieveCustomerCard },
];
