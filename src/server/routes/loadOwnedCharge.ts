import { verifyChargeTag } from '../chargeTag';
import { ownerMarkerOf } from '../chargeOwners';
import { RouteError } from '../routeError';
import type { PayjpChargeLike } from '../types';
import { chargesApi, resolveCustomerOrNull, type RouteContext } from './context';
import { callPayment } from './payment';

export { OWNER_KEY } from '../chargeOwners';

/** The request header a guest sends its `chargeTag` back in. */
export const CHARGE_TAG_HEADER = 'x-react3ds-charge-tag';

/** Who may touch a charge: its customer, or a guest holding its tag. */
export interface ChargeCaller {
  customer: string | null;
  /** The caller holds a valid guest tag for this charge id. */
  tagged: boolean;
}

const forbidden = () => new RouteError(403, 'forbidden', 'This charge does not belong to the caller');

/** One read of the charge on PAY.JP (404 → not_found), remembered in the owner cache. */
export async function readCharge(context: RouteContext, id: string): Promise<PayjpChargeLike> {
  const charges = await chargesApi(context);
  const found = await callPayment(() => charges.retrieve(id), { onNotFound: () => new RouteError(404, 'not_found', 'No such charge') });
  context.chargeOwners.remember(id, found);
  return found;
}

/** Whether a charge read from PAY.JP belongs to an authorized caller (the check behind every answer). */
export function assertChargeOwner(charge: PayjpChargeLike, caller: ChargeCaller): void {
  if (caller.tagged) return;
  const marker = ownerMarkerOf(charge);
  if (caller.customer === null || marker === null || marker === '' || marker !== caller.customer) throw forbidden();
}

/**
 * Decides who is calling and whether they may touch charge `id`, before any lock and, whenever it
 * can, before any PAY.JP call: a guest tag is an HMAC of the id (checked locally), and a customer
 * is compared with the owner remembered from the charge's creation or last read. Only a charge
 * unknown to this process costs one read, shared by concurrent callers. No customer and no tag →
 * 401; unknown → 404; anyone else's, or a charge the handler did not create → 403. Answers the
 * charge when it had to read it.
 */
export async function authorizeCharge(request: Request, context: RouteContext, id: string): Promise<{ caller: ChargeCaller; charge?: PayjpChargeLike }> {
  const customer = await resolveCustomerOrNull(context, request);
  const tag = context.allowGuestCharges ? request.headers.get(CHARGE_TAG_HEADER) : null;
  if (customer === null && !tag) throw new RouteError(401, 'unauthorized', 'No signed-in customer (or guest charge tag) for this request');
  if (tag && (await verifyChargeTag(id, tag, await context.chargeTagKey()))) return { caller: { customer, tagged: true } };
  if (customer === null) throw forbidden();
  const caller: ChargeCaller = { customer, tagged: false };
  const known = context.chargeOwners.known(id);
  if (known !== undefined) {
    if (known !== customer) throw forbidden();
    return { caller };
  }
  const charges = await chargesApi(context);
  const charge = await callPayment(() => context.chargeOwners.read(id, () => charges.retrieve(id)), { onNotFound: () => new RouteError(404, 'not_found', 'No such charge') });
  assertChargeOwner(charge, caller);
  return { caller, charge };
}

/** Authorizes the caller (see {@link authorizeCharge}) and answers the charge as PAY.JP has it now. */
export async function loadOwnedCharge(request: Request, context: RouteContext, id: string): Promise<PayjpChargeLike> {
  const { caller, charge } = await authorizeCharge(request, context, id);
  if (charge) return charge;
  const fresh = await readCharge(context, id);
  assertChargeOwner(fresh, caller);
  return fresh;
}
