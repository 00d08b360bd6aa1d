import { RouteError } from '../routeError';

const CARD_ID = /^car_[A-Za-z0-9]+$/;
const REQUEST_ID = /^tdsr_[A-Za-z0-9]+$/;

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
