import type { KurocoAnswer, KurocoContext } from './context';
import { kurocoError } from './envelope';
import { toOrderDetails } from './orders';

/** `ECOrder::details`: the order, if it exists and (cookie auth) belongs to the caller's session. */
export function getOrderDetails(ctx: KurocoContext): KurocoAnswer {
  const { state } = ctx;
  const raw = ctx.params.ec_order_id ?? '';
  const order = /^\d{1,15}$/.test(raw) ? state.orders.get(Number(raw)) : undefined;
  // Another session's order answers like a missing one, so ids cannot be probed.
  if (order === undefined || (state.kuroco.auth === 'cookie' && order.owner !== ctx.session)) {
    throw kurocoError('not_found', '注文が見つかりません。');
  }
  return { status: 200, body: { errors: [], messages: [], details: toOrderDetails(order, state.kuroco.now()) } };
}
