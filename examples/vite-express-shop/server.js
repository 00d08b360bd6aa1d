// @ts-check
// The shop's server: Express with the kit's PAY.JP handler, the shop's own order routes, and the
// kit's sandbox standing in for PAY.JP, Kuroco and Paygent. `npm run dev` serves the pages through
// Vite's dev middleware; `npm start` (after `npm run build`) serves the built files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import Payjp from 'payjp';
import { createPayjpHandler, toNodeListener } from 'react-3ds-kit/server';
import { createSandbox } from 'react-3ds-kit/sandbox';

const root = path.dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === 'production';
const port = Number(process.env.PORT ?? 5173);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const origin = `http://127.0.0.1:${port}`;

// Sandbox keys. In a real shop: process.env.PAYJP_SECRET_KEY / PAYJP_PUBLIC_KEY, and no apiBase.
const SECRET_KEY = 'sk_test_sandbox';
const PUBLIC_KEY = 'pk_test_sandbox';

// The shop's price list: the server turns a cart reference into an amount; the browser never sends one.
/** @type {Record<string, { amount: number; description: string }>} */
const CARTS = { basic: { amount: 1200, description: 'Basic plan, 1 month' } };

const sandbox = await createSandbox().listen(sandboxPort);
const payjp = Payjp(SECRET_KEY, { apibase: sandbox.payjpApiBase, timeout: 10_000 });

// One signed-in shopper. A real shop reads the PAY.JP customer id from its session.
const shopper = await payjp.customers.create({ email: 'shopper@example.jp' });

const payjpHandler = createPayjpHandler({
  secretKey: SECRET_KEY,
  publicKey: PUBLIC_KEY,
  apiBase: sandbox.payjpApiBase,
  basePath: '/api/3ds',
  resolveCustomer: () => shopper.id,
  resolveCharge: (_request, order) => {
    const cartId = typeof order === 'object' && order !== null ? /** @type {{ cartId?: unknown }} */ (order).cartId : undefined;
    const cart = typeof cartId === 'string' ? CARTS[cartId] : undefined;
    return cart ? { amount: cart.amount, description: cart.description, metadata: { cart_id: String(cartId) } } : null;
  },
  returnUrls: [`${origin}/pay/3ds-return`],
});

const app = express();

// What the pages need to know at run time (the sandbox's port is chosen when the server starts).
app.get('/api/shop-config', (_request, response) => {
  response.json({ publicKey: PUBLIC_KEY, payjsUrl: sandbox.payjsUrl, payjpOrigin: sandbox.url, kurocoUrl: sandbox.url });
});

app.use('/api/3ds', toNodeListener(payjpHandler));

// The thanks page asks the server, which re-reads the charge at PAY.JP: the browser's word is not proof.
app.get('/api/orders/:chargeId', async (request, response) => {
  const chargeId = request.params.chargeId;
  if (!/^ch_[A-Za-z0-9]+$/.test(chargeId)) return void response.status(400).json({ error: 'bad charge id' });
  try {
    const charge = await payjp.charges.retrieve(chargeId);
    // The kit's handler marks each charge it creates with its customer: show this shopper's only.
    if (charge.metadata?.react3ds_customer !== shopper.id) return void response.status(404).json({ error: 'not found' });
    response.json({ id: charge.id, paid: charge.paid, amount: charge.amount, threeDSecureStatus: charge.three_d_secure_status });
  } catch {
    response.status(404).json({ error: 'not found' });
  }
});

if (production) {
  app.use(express.static(path.join(root, 'dist')));
  // Client-side routes (the Kuroco return path, the PAY.JP return page, …) all load the app.
  app.use((request, response, next) => (request.method === 'GET' ? response.sendFile(path.join(root, 'dist/index.html')) : next()));
} else {
  const { createServer } = await import('vite');
  const vite = await createServer({ root, server: { middlewareMode: true }, appType: 'spa' });
  app.use(vite.middlewares);
}

const server = app.listen(port, '127.0.0.1', () => {
  console.log(`Shop on ${origin} (sandbox on ${sandbox.url})`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close();
    void sandbox.close().then(() => process.exit(0));
  });
}
