import { RouteError } from '../routeError';

// PAY.JP ids are a prefix and about 30 characters; 64 in all is generous, and nothing longer is
// ever sent on to PAY.JP.
const CARD_ID = /^(?=.{1,64}$)car_[A-Za-z0-9]+$/;
const REQUEST_ID = /^(?=.{1,64}$)tdsr_[A-Za-z0-9]+$/;

/** A well-formed `car_…` id from the body, else 400 (before anything reaches PAY.JP). */
export function readCardId(value: unknown): string {
  if (typeof value !== 'string' || !CARD_ID.test(value)) {
    throw new RouteError(400, 'invalid_request', '`cardId` must be a PAY.JP card id (car_…)', { param: 'cardId' });
  }
  return value;
}

/** A well-formed `tdsr_…` id from the path, else 400. */
export function readRequestId(value: string): string {
  if (!REQUEST_ID.test(value)) {
    throw new RouteError(400, 'invalid_request', 'The path must name a PAY.JP 3-D Secure request id (tdsr_…)', { param: 'id' });
  }
  return value;
}

/** Whether a tdsr's `resource_id` is a card id at all (other resources are never ours to show). */
export function isCardId(value: unknown): value is string {
  return typeof value === 'string' && CARD_ID.test(value);
}

const CHARGE_ID = /^(?=.{1,64}$)ch_[A-Za-z0-9]+$/;
const TOKEN_ID = /^(?=.{1,64}$)tok_[A-Za-z0-9]+$/;

/** A well-formed `ch_…` id from the path, else 400. */
export function readChargeId(value: string): string {
  if (!CHARGE_ID.test(value)) {
    throw new RouteError(400, 'invalid_request', 'The path must name a PAY.JP charge id (ch_…)', { param: 'id' });
  }
  return value;
}

/** A well-formed `tok_…` id from the path, else 400. */
export function readTokenId(value: string): string {
  if (!TOKEN_ID.test(value)) {
    throw new RouteError(400, 'invalid_request', 'The path must name a PAY.JP token id (tok_…)', { param: 'id' });
  }
  return value;
}

/** `POST /charges` pays with exactly one of `token` (`tok_…`) or `cardId` (`car_…`). */
export function readPaymentMethod(body: Record<string, unknown>): { token: string } | { cardId: string } {
  const hasToken = body.token !== undefined && body.token !== null;
  const hasCard = body.cardId !== undefined && body.cardId !== null;
  if (hasToken === hasCard) {
    throw new RouteError(400, 'invalid_request', 'Send exactly one of `token` (tok_…) or `cardId` (car_…)', { param: hasToken ? 'cardId' : 'token' });
  }
  if (hasCard) return { cardId: readCardId(body.cardId) };
  if (typeof body.token !== 'string' || !TOKEN_ID.test(body.token)) {
    throw new RouteError(400, 'invalid_request', '`token` must be a PAY.JP token id (tok_…)', { param: 'token' });
  }
  return { token: body.token };
}
