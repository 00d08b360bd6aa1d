import { createPayjpHandler, type PayjpHandler } from 'react-3ds-kit/server';
import { priceCart } from './carts';
import { shopEnv } from './shopEnv';

// Created on the first request, not at import: `next build` imports the route modules, and the
// keys exist only at run time. Kept on globalThis because Next may load this module once per
// route bundle, and the handler's attempt ledger must be one per process.
const slot = globalThis as typeof globalThis & { shopPayjpHandler?: PayjpHandler };

export function payjpHandler(): PayjpHandler {
  if (slot.shopPayjpHandler) return slot.shopPayjpHandler;
  const env = shopEnv();
  slot.shopPayjpHandler = createPayjpHandler({
    secretKey: env.secretKey,
    publicKey: env.publicKey,
    ...(env.apiBase ? { apiBase: env.apiBase } : {}),
    basePath: '/api/3ds',
    // Next gives route handlers a request.url on `localhost` whatever the Host was, so the pages'
    // own origins must be listed for the CSRF check (see src/server/README.md#csrf).
    allowedOrigins: env.origins,
    resolveCustomer: () => shopEnv().customerId,
    resolveCharge: (_request, order) => priceCart(order),
    returnUrls: env.origins.map((origin) => `${origin}/checkout/3ds-return`), // the redirect workflow comes back here
  });
  return slot.shopPayjpHandler;
}
