import type { ApiContext, ApiRoute } from './api';
import { allowOnly, booleanParam, LIST_KEYS, listOf, metadataOf, ok, textParam } from './api';
import { cardObject, chargeDeclineOf } from './cards';
import { findCustomer } from './customers';
import { invalidParam, missingParam, noSuchResource, PayjpApiError } from './errors';
import { newId, unixSeconds } from './ids';
import type { CardRecord, ChargeRecord, PayjpState } from './store';
import { finishFlow, flowStatus, newFlow } from './tdsFlow';
import { usableToken } from './tokens';

/** PAY.JP's amount range for JPY charges. */
export const CHARGE_MIN_AMOUNT = 50;
export const CHARGE_MAX_AMOUNT = 9_999_999;

const DAY_MS = 24 * 60 * 60 * 1000;
const CHARGE_KEYS = ['amount', 'currency', 'card', 'customer', 'capture', 'three_d_secure', 'description', 'expiry_days'];

export function chargeObject(state: PayjpState, charge: ChargeRecord) {
  const card = state.cards.get(charge.cardId);
  const at = (ms: number | null) => (ms === null ? null : unixSeconds(ms));
  return {
    id: charge.id,
    object: 'charge' as const,
    amount: charge.amount,
    amount_refunded: 0,
    captured: charge.captured,
    captured_at: at(charge.capturedAt),
    card: card ? cardObject(card) : null,
    created: unixSeconds(charge.created),
    currency: 'jpy',
    customer: charge.customerId,
    description: charge.description,
    expired_at: at(charge.expiredAt),
    failure_code: charge.failureCode,
    failure_message: charge.failureMessage,
    fee_rate: '3.00',
    livemode: false,
    metadata: charge.metadata,
    paid: charge.paid,
    refund_reason: null,
    refunded: false,
    subscription: null,
    tenant: null,
    three_d_secure_status: flowStatus(state, charge.tds, charge.created),
    term_id: null,
  };
}

function findCharge(state: PayjpState, id: string): ChargeRecord {
  const charge = state.charges.get(id);
  if (!charge) throw noSuchResource('charge', id);
  return charge;
}

function amountParam(input: URLSearchParams): number {
  const text = input.get('amount');
  if (text === null || text === '') throw missingParam('amount');
  const amount = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(amount >= CHARGE_MIN_AMOUNT && amount <= CHARGE_MAX_AMOUNT)) {
    throw invalidParam('amount', `amount must be an integer between ${CHARGE_MIN_AMOUNT} and ${CHARGE_MAX_AMOUNT}.`, 'invalid_amount');
  }
  return amount;
}

function expiryDaysParam(input: URLSearchParams, capture: boolean): number {
  const text = input.get('expiry_days');
  if (text === null) return 7;
  if (capture) throw invalidParam('expiry_days', 'expiry_days can only be given with capture=false.', 'unnecessary_expiry_days');
  const days = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(days >= 1 && days <= 60)) throw invalidParam('expiry_days', 'expiry_days must be an integer between 1 and 60.', 'invalid_expiry_days');
  return days;
}

/** The card to charge: `card=tok_…`, or `customer=cus_…` with its default card or `card=car_…` of that customer. */
function cardToCharge(state: PayjpState, input: URLSearchParams): { card: CardRecord; customerId: string | null; spendToken: () => void } {
  const cardId = textParam(input, 'card');
  const customerId = textParam(input, 'customer');
  if (customerId !== null) {
    const customer = findCustomer(state, customerId);
    const chosen = cardId ?? customer.defaultCard;
    if (chosen === null) throw new PayjpApiError(400, 'client_error', `Customer ${customerId} has no card.`, 'missing_card', 'customer');
    const card = state.cards.get(chosen);
    if (!card || card.customerId !== customer.id) throw noSuchResource('card', chosen, 'card');
    return { card, customerId: customer.id, spendToken: () => undefined };
  }
  if (cardId === null) throw missingParam('card');
  if (!cardId.startsWith('tok_')) {
    if (state.cards.has(cardId)) throw invalidParam('card', `Card ${cardId} can only be charged together with its customer (customer=cus_…).`);
    throw noSuchResource('token', cardId, 'card');
  }
  const token = usableToken(state, cardId, 'card');
  const card = state.cards.get(token.cardId);
  if (!card) throw noSuchResource('token', cardId, 'card');
  return { card, customerId: null, spendToken: () => void (token.used = true) };
}

/** Runs the payment: paid (captured or authorised), or a 402 with `charge` set and the failure recorded. */
function pay(state: PayjpState, charge: ChargeRecord): void {
  const card = state.cards.get(charge.cardId);
  const decline = card ? chargeDeclineOf(card, charge.amount) : null;
  const now = state.options.now();
  if (decline) {
    charge.paid = false;
    charge.captured = false;
    charge.failureCode = decline.code ?? 'card_declined';
    charge.failureMessage = decline.message;
    decline.charge = charge.id;
    throw decline;
  }
  charge.paid = true;
  charge.captured = charge.capture;
  charge.capturedAt = charge.capture ? now : null;
  charge.expiredAt = charge.capture ? null : now + charge.expiryDays * DAY_MS;
}

function createCharge({ state, input }: ApiContext) {
  allowOnly(input, (key) => CHARGE_KEYS.includes(key) || key.startsWith('metadata['));
  const amount = amountParam(input);
  const currency = input.get('currency');
  if (currency === null || currency === '') throw missingParam('currency');
  if (currency !== 'jpy') throw invalidParam('currency', 'currency must be jpy.', 'invalid_currency');
  const capture = booleanParam(input, 'capture') ?? true;
  const threeDSecure = booleanParam(input, 'three_d_secure') ?? false;
  const expiryDays = expiryDaysParam(input, capture);
  const metadata = metadataOf(input) ?? {};
  const description = textParam(input, 'description');
  const { card, customerId, spendToken } = cardToCharge(state, input);
  spendToken();
  const charge: ChargeRecord = {
    id: newId('ch'),
    amount,
    cardId: card.id,
    customerId,
    capture,
    expiryDays,
    description,
    metadata,
    created: state.options.now(),
    paid: false,
    captured: false,
    capturedAt: null,
    expiredAt: null,
    failureCode: null,
    failureMessage: null,
    tds: threeDSecure ? newFlow() : null,
  };
  state.charges.set(charge.id, charge);
  // A 3-D Secure charge waits, unpaid, for the shopper and tds_finish.
  if (!threeDSecure) pay(state, charge);
  return ok(chargeObject(state, charge));
}

function finishCharge({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  const charge = findCharge(state, params[0] ?? '');
  // A repeated finish (secondFinish: 'ok') answers the charge as it is: the payment ran once.
  if (!finishFlow(state, charge.tds, charge.created, 'charge').repeated) pay(state, charge);
  return ok(chargeObject(state, charge));
}

function retrieveCharge({ state, params, input }: ApiContext) {
  allowOnly(input, () => false);
  return ok(chargeObject(state, findCharge(state, params[0] ?? '')));
}

function listCharges({ state, input }: ApiContext) {
  allowOnly(input, (key) => LIST_KEYS.includes(key) || key === 'customer');
  const customer = input.get('customer');
  const charges = [...state.charges.values()].filter((charge) => customer === null || charge.customerId === customer);
  return ok(listOf(input, '/v1/charges', charges, (charge) => unixSeconds(charge.created), (charge) => chargeObject(state, charge)));
}

/** Charges, with charge-time 3-D Secure (`three_d_secure=true`, `tds_finish`). */
export const chargeRoutes: ApiRoute[] = [
  { method: 'POST', pattern: /^\/charges$/, auth: 'secret', handle: createCharge },
  { method: 'GET', pattern: /^\/charges$/, auth: 'secret', handle: listCharges },
  { method: 'GET', pattern: /^\/charges\/([^/]+)$/, auth: 'secret', handle: retrieveCharge },
  { method: 'POST', pattern: /^\/charges\/([^/]+)\/tds_finish$/, auth: 'secret', handle: finishCharge },
];
