import { RouteError } from '../routeError';
import type { PayjpThreeDSecureRequestLike } from '../types';
import { callPayjp, requireCustomer, type RouteContext } from './context';
import { isCardId } from './ids';

/**
 * Retrieves a 3-D Secure request and checks that it is for a card of the signed-in customer:
 * unknown → 404, someone else's (or not a card's) → 403.
 */
export async function loadOwnedRequest(request: Request, context: RouteContext, id: string): Promise<PayjpThreeDSecureRequestLike> {
  const customer = await requireCustomer(context, request);
  const found = await callPayjp(
    context,
    (client) => client.three_d_secure_requests.retrieve(id),
    () => new RouteError(404, 'not_found', 'No such 3-D Secure request'),
  );
  const forbidden = () => new RouteError(403, 'forbidden', 'This 3-D Secure request is not for a card of the signed-in customer');
  if (!isCardId(found.resource_id)) throw forbidden();
  const cardId = found.resource_id;
  await callPayjp(context, (client) => client.customers.cards.retrieve(customer, cardId), forbidden);
  return found;
}
