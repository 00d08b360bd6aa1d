/** The shop's price list. The server turns the browser's cart reference into an amount. */
const CARTS: Record<string, { amount: number; description: string }> = {
  basic: { amount: 1200, description: 'Basic plan, 1 month' },
};

export function priceCart(order: unknown) {
  const cartId = typeof order === 'object' && order !== null ? (order as { cartId?: unknown }).cartId : undefined;
  const cart = typeof cartId === 'string' ? CARTS[cartId] : undefined;
  return cart && typeof cartId === 'string' ? { amount: cart.amount, description: cart.description, metadata: { cart_id: cartId } } : null;
}
