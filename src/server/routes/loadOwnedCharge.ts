import { verifyChargeTag } from '../chargeTag';
import { RouteError } from '../routeError';
import type { PayjpChargeLike } from '../types';
import { chargesApi, resolveCustomerOrNull, type RouteContext } from './context';
import { callPayment } from './payment';

/** The metadata key that marks whose charge it is: the customer id, `''` for a guest. */
export const OWNER_KEY = 'react3ds_customer';

/** The request header a guest sends its `chargeTag` back in. */
export const CHARGE_TAG_HEADER = 'x-react3ds-charge-tag';

/**
 * Retrieves a charge and checks that the caller may see it: a charge whose ownership marker is
 * the signed-in customer, or (with `allowGuestCharges`) a guest charge whose tag the caller holds.
 * No customer and no tag → 401; unknown → 404; anyone else's, or a charge the handler did not
 * create → 403.
 */
export async function loadOwnedCharge(request: Request, context: RouteContext, id: string): Promise<PayjpChargeLike> {
  const customer = await resolveCustomerOrNull(context, request);
  const tag = context.allowGuestCharges ? request.headers.get(CHARGE_TAG_HEADER) : null;
  if (customer === null && !tag) throw new RouteError(401, 'unauthorized', 'No signed-in customer (or guest charge tag) for this request');
  const charges = await chargesApi(context);
  const found = await callPayment(() => charges.retrieve(id), { onNotFound: () => new RouteError(404, 'not_found', 'No such charge') });
  const marker = found.metadata?.[OWNER_KEY];
  if (customer !== null && typeof marker === 'string' && marker !== '' && marker === customer) return found;
  if (tag && (await verifyChargeTag(id, tag, await context.chargeTagKey()))) return found;
  throw new RouteError(403, 'forbidden', 'This charge does not belong to the caller');
}
