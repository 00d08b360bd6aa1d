import type { ChargeResponse } from '../../core/payjp/protocol';
import { openAttempt, OPEN_ORDER_TTL_MS, ORDER_CLAIM_TTL_MS, orderSlotKey, parseOrderSlot, settleAttempt } from '../attemptLedger';
import { ownerMarkerOf } from '../chargeOwners';
import { signChargeTag } from '../chargeTag';
import { jsonResponse, readJsonObject } from '../json';
import { RouteError } from '../routeError';
import { chargeOutcome, toChargeSummary } from '../toChargeSummary';
import type { PayjpChargeCreateQuery, PayjpChargeLike } from '../types';
import { callPayjp, chargesApi, resolveCustomerOrNull, type RouteContext } from './context';
import { readPaymentMethod } from './ids';
import { OWNER_KEY, readCharge } from './loadOwnedCharge';
import { callPayment } from './payment';
import { readChargeToken } from './readChargeToken';
import { readResolvedCharge } from './readResolvedCharge';

/** `POST /charges`'s answer: the charge, plus the guest's ownership tag for a guest charge. */
export interface CreateChargeResponse extends ChargeResponse {
  /** Only for guest charges: send it back as `x-react3ds-charge-tag`. */
  chargeTag?: string;
  /** The order already had this charge (open or paid): answered with 200 instead of 201. */
  reused?: true;
}

/** How long a create waits for another server's create of the same order before answering 503. */
const CLAIM_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Resolved = ReturnType<typeof readResolvedCharge>;
type PaymentMethod = ReturnType<typeof readPaymentMethod>;

/** Creates the charge at PAY.JP (without charge-time 3-D Secure for a token that passed token 3-D Secure). */
async function createAtPayjp(context: RouteContext, method: PaymentMethod, customer: string | null, resolved: Resolved): Promise<PayjpChargeLike> {
  const charges = await chargesApi(context);
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
  return created;
}

function createdAtMs(context: RouteContext, charge: PayjpChargeLike): number {
  return Number.isFinite(charge.created) && charge.created > 0 ? charge.created * 1000 : context.now();
}

/**
 * The order's charge from its slot when it still answers creates (open or paid), else `null`
 * after freeing the slot (failed, expired, gone, or not this caller's).
 */
async function reusableCharge(context: RouteContext, slot: string, raw: string, chargeId: string, customer: string | null): Promise<PayjpChargeLike | null> {
  let charge: PayjpChargeLike | null;
  try {
    charge = await readCharge(context, chargeId);
  } catch (error) {
    if (!(error instanceof RouteError && error.status === 404)) throw error;
    charge = null;
  }
  const { outcome } = charge ? chargeOutcome(charge, { acceptAttempted: context.acceptAttempted, now: context.now() }) : { outcome: 'failed' };
  // The slot key already names the caller; the marker check keeps a corrupted store from leaking a charge.
  if (charge && ownerMarkerOf(charge) === (customer ?? '') && (outcome === 'pending' || outcome === 'succeeded')) return charge;
  await context.store.delete(slot, raw);
  return null;
}

/**
 * `POST /charges` `{ token? , cardId?, order? }` → 201 `{ charge, chargeTag? }`. The amount is
 * `resolveCharge(request, order)`'s; the charge is created with `three_d_secure: true` (or, for a
 * token that passed token 3-D Secure, without: it is paid at once) and the caller's ownership
 * marker in its metadata. With an `orderKey` from resolveCharge, one open
 * charge per (caller, orderKey, amount): while the order's charge is open or paid, a second create
 * answers it (200, `reused: true`), across every server sharing the ledger store.
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
  await chargesApi(context);
  if ('cardId' in method && customer !== null) {
    const { cardId } = method;
    // Scoped to the customer: another customer's card is the same 404 as an unknown one (even
    // when the order's open charge would be answered).
    await callPayjp(
      context,
      (client) => client.customers.cards.retrieve(customer, cardId),
      () => new RouteError(404, 'not_found', 'The signed-in customer has no such card', { param: 'cardId' }),
    );
  }

  const answer = async (charge: PayjpChargeLike, reused: boolean) => {
    const result: CreateChargeResponse = { charge: toChargeSummary(charge, { acceptAttempted: context.acceptAttempted, now: context.now() }) };
    if (customer === null) result.chargeTag = await signChargeTag(charge.id, await context.chargeTagKey());
    if (reused) result.reused = true;
    context.emit({ type: 'charge_created', chargeId: charge.id, amount: charge.amount, currency: charge.currency, guest: customer === null, reused, paid: charge.paid === true });
    return jsonResponse(reused ? 200 : 201, result);
  };
  const record = async (charge: PayjpChargeLike, orderSlot?: string) => {
    await openAttempt(context.store, charge.id, { createdAt: createdAtMs(context, charge), amount: charge.amount, guest: customer === null, ...(orderSlot ? { orderSlot } : {}) });
    // Paid at once (the token passed token 3-D Secure): nothing is left open.
    if (charge.paid) await settleAttempt(context.store, charge.id, true);
  };

  const slot = await orderSlotKey(customer, resolved.orderKey, resolved.amount);
  if (slot === null) {
    const created = await createAtPayjp(context, method, customer, resolved);
    await record(created);
    return answer(created, false);
  }
  // Real time, not context.now(): tests freeze the handler's clock.
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (;;) {
    const claim = JSON.stringify({ claim: globalThis.crypto.randomUUID() });
    if (await context.store.setIfAbsent(slot, claim, ORDER_CLAIM_TTL_MS)) {
      let created: PayjpChargeLike;
      try {
        created = await createAtPayjp(context, method, customer, resolved);
      } catch (error) {
        // Nothing was charged: the next create for this order may try again.
        await context.store.delete(slot, claim).catch(() => false);
        throw error;
      }
      await context.store.set(slot, JSON.stringify({ chargeId: created.id }), OPEN_ORDER_TTL_MS);
      await record(created, slot);
      return answer(created, false);
    }
    const raw = await context.store.get(slot);
    const existing = parseOrderSlot(raw);
    if (raw !== null && existing && 'chargeId' in existing) {
      const charge = await reusableCharge(context, slot, raw, existing.chargeId, customer);
      if (charge) return answer(charge, true);
      continue;
    }
    if (raw !== null && !existing) await context.store.delete(slot, raw);
    if (existing && 'claim' in existing) {
      // Another request (here or on another server) is creating this order's charge right now.
      if (Date.now() >= deadline) {
        throw new RouteError(503, 'backend_error', 'A charge for this order is being created: retry shortly', { headers: { 'retry-after': '1' } });
      }
      await sleep(50);
    }
  }
}
