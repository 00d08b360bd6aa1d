import type { ChargeResponse } from '../../core/payjp/protocol';
import { signChargeTag } from '../chargeTag';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { toChargeSummary } from '../toChargeSummary';
import type { PayjpChargeCreateQuery } from '../types';
import { callPayjp, chargesApi, resolveCustomerOrNull, type RouteContext } from './context';
import { readPaymentMethod } from './ids';
import { OWNER_KEY } from './loadOwnedCharge';
import { callPayment } from './payment';
import { readChargeToken } from './readChargeToken';
import { readResolvedCharge } from './readResolvedCharge';

/** `POST /charges`'s answer: the charge, plus the guest's ownership tag for a guest charge. */
export interface CreateChargeResponse extends ChargeResponse {
  /** Only for guest charges: send it back as `x-react3ds-charge-tag`. */
  chargeTag?: string;
}

/**
 * `POST /charges` `{ token? , cardId?, order? }` → 201 `{ charge, chargeTag? }`. The amount is
 * `resolveCharge(request, order)`'s; the charge is created with `three_d_secure: true` (or, for a
 * token that passed token 3-D Secure, without: it is paid at once) and the caller's ownership
 * marker in its metadata.
 */
export async function createCharge(request: Request, context: RouteContext, resolveCharge: NonNullable<RouteContext['resolveCharge']>): Promise<Response> {
  const body = await readJsonObject(request);
  const method = readPaymentMethod(body);
  const customer = await resolveCustomerOrNull(context, request);
  if (customer === null && !(context.allowGuestCharges && 'token' in method)) {
    throw new RouteError(401, 'unauthorized', 'token' in method ? 'No signed-in customer for this request' : 'Paying with a saved card needs a signed-in customer');
  }
  const priced = await resolveCharge(request, body.order);
  if (priced === null || priced === undefined) {
    throw new RouteError(400, 'invalid_request', '`order` does not name anything that can be charged', { param: 'order' });
  }
  const resolved = readResolvedCharge(priced);
  const charges = await chargesApi(context);

  if ('cardId' in method && customer !== null) {
    const { cardId } = method;
    // Scoped to the customer: another customer's card is the same 404 as an unknown one.
    await callPayjp(
      context,
      (client) => client.customers.cards.retrieve(customer, cardId),
      () => new RouteError(404, 'not_found', 'The signed-in customer has no such card', { param: 'cardId' }),
    );
  }
  // Token 3-D Secure already authenticated the shopper: no second challenge (see readChargeToken).
  const plan = 'token' in method ? await readChargeToken(context, await context.client(), method.token) : { threeDSecure: true };
  const param = 'token' in method ? 'token' : 'cardId';
  const query: PayjpChargeCreateQuery = {
    amount: resolved.amount,
    currency: 'jpy',
    card: 'token' in method ? method.token : method.cardId,
    ...('cardId' in method && customer !== null ? { customer } : {}),
    three_d_secure: plan.threeDSecure,
    capture: true,
    ...(resolved.description === undefined ? {} : { description: resolved.description }),
    metadata: { ...resolved.metadata, [OWNER_KEY]: customer ?? '' },
  };
  const created = await callPayment(() => charges.create(query), { param, onNotFound: () => new RouteError(404, 'not_found', 'PAY.JP has no such token or card', { param }) });
  // Remembered, so a foreign caller of this charge is refused without reading it back from PAY.JP.
  context.chargeOwners.remember(created.id, created);
  const answer: CreateChargeResponse = { charge: toChargeSummary(created, { acceptAttempted: context.acceptAttempted, now: context.now() }) };
  if (customer === null) answer.chargeTag = await signChargeTag(created.id, await context.chargeTagKey());
  return jsonResponse(201, answer);
}
