import { ownOrigin } from '../http';
import { buildAcsHtml } from '../paygent/acsHtml';
import { resolveReturnUrl } from '../paygent/returnUrl';
import { createChallenge } from '../paygent/sessions';
import type { OrderRecord } from '../state';
import { readJsonObject } from './body';
import type { KurocoAnswer, KurocoContext } from './context';
import { KurocoApiError, kurocoError } from './envelope';
import { isMixedOrder, MIXED_ORDER_MESSAGE } from './mixedOrder';
import { priceOrder } from './pricing';
import { validatePurchase } from './validation';

/** Kuroco's success message for `ECOrder::purchase`. */
export const PURCHASE_COMPLETED_MESSAGE = '注文が完了しました。';

/**
 * `ECOrder::purchase` without a cart (`product_id`+`quantity` or `order_products`). A 3-D Secure
 * payment creates the order as `payment_failed` (as Kuroco does until 3DS passes) and answers
 * `ext_data.credit_card_3dsec_resp.out_acs_html`.
 */
export async function purchase(ctx: KurocoContext): Promise<KurocoAnswer> {
  const { state, req } = ctx;
  const body = await readJsonObject(req);
  const validation = validatePurchase(body, state.usedCardTokens);
  if (!validation.ok) throw new KurocoApiError(validation.errors);
  const input = validation.value;
  if (input.payment.threeDSecure && isMixedOrder(input)) throw kurocoError('unprocessable_entity', MIXED_ORDER_MESSAGE);
  if (input.lines.some(({ product }) => product.failsWithServerError)) {
    throw kurocoError('internal_server_error', 'サーバーでエラーが発生しました。（サンドボックス: 商品 49500 は常にこのエラーになります）');
  }

  const now = state.kuroco.now();
  const amounts = priceOrder(input);
  const order: OrderRecord = {
    id: state.nextOrderId++,
    paymentId: input.payment.ec_payment_id,
    lines: input.lines.map(({ product, quantity }) => ({
      product_id: product.product_id,
      product_name: product.product_name,
      quantity,
      price: product.price,
    })),
    ...amounts,
    createdAt: now,
    settlement: input.payment.threeDSecure ? 'awaiting_3ds' : input.payment.card ? 'paid' : 'unpaid',
    paidVisibleAt: now,
    owner: ctx.session,
  };
  state.orders.set(order.id, order);
  if (input.cardToken !== null) state.usedCardTokens.add(input.cardToken);

  const answer: Record<string, unknown> = { errors: [], messages: [PURCHASE_COMPLETED_MESSAGE], ids: [order.id] };
  if (input.payment.threeDSecure && input.returnUrl !== null) {
    const origin = ownOrigin(req);
    const returnUrl = resolveReturnUrl(input.returnUrl, req, state.kuroco.frontendOrigin, origin);
    const session = createChallenge(state, order.id, order.total, returnUrl);
    answer.ext_data = {
      credit_card_3dsec_resp: { out_acs_html: buildAcsHtml(session, origin, state.signingKey, state.kuroco.acsHtml) },
    };
  }
  return { status: 200, body: answer };
}
