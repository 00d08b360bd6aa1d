import type { CardVerificationResponse } from '../../core/payjp/protocol';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { toCardVerification } from '../toCardVerification';
import { callPayjp, requireCustomer, type RouteContext } from './context';
import { readCardId } from './ids';

/** `POST /card-verifications` `{ cardId }` → 201 `{ verification }`. */
export async function createVerification(request: Request, context: RouteContext): Promise<Response> {
  const body = await readJsonObject(request);
  const cardId = readCardId(body.cardId);
  const customer = await requireCustomer(context, request);
  // The lookup is scoped to the customer: "no such card" and "another customer's card" are the
  // same 404, so the answer never reveals that someone else's card exists.
  await callPayjp(
    context,
    (client) => client.customers.cards.retrieve(customer, cardId),
    () => new RouteError(404, 'not_found', 'The signed-in customer has no such card', { param: 'cardId' }),
  );
  const created = await callPayjp(context, (client) => client.three_d_secure_requests.create({ resource_id: cardId }));
  const answer: CardVerificationResponse = { verification: toCardVerification(created, { acceptAttempted: context.acceptAttempted }) };
  return jsonResponse(201, answer);
}
