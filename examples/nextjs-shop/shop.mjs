// One command for the shop: starts the kit's sandbox (standing in for PAY.JP), signs up the demo
// shopper there (a PAY.JP customer with a saved card), then runs `next dev` or `next start` with
// the keys and addresses in its environment. In production you run `next start` with your own
// PAYJP_SECRET_KEY / PAYJP_PUBLIC_KEY and a real session instead.
//   node shop.mjs dev     (npm run dev)
//   node shop.mjs start   (npm start, after npm run build)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Payjp from 'payjp';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from 'react-3ds-kit/sandbox';

const root = path.dirname(fileURLToPath(import.meta.url));
const mode = process.argv[2] === 'start' ? 'start' : 'dev';
const port = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);

const sandbox = await createSandbox().listen(sandboxPort);
const payjp = Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase: sandbox.payjpApiBase, timeout: 10_000 });
const token = await payjp.tokens.create(
  { card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123', name: 'TARO YAMADA', email: 'shopper@example.jp' } },
  // The sandbox, like PAY.JP in test mode, makes a token server-side only with this header.
  { 'X-Payjp-Direct-Token-Generate': 'true' },
);
const shopper = await payjp.customers.create({ email: 'shopper@example.jp', card: token.id });
console.log(`sandbox on ${sandbox.url}; demo shopper ${shopper.id}`);

const next = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), mode, '--port', String(port), '--hostname', '127.0.0.1'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PAYJP_SECRET_KEY: SANDBOX_PAYJP_SECRET_KEY,
    PAYJP_PUBLIC_KEY: SANDBOX_PAYJP_PUBLIC_KEY,
    PAYJP_API_BASE: sandbox.payjpApiBase,
    PAYJS_URL: sandbox.payjsUrl,
    SHOP_ORIGINS: `http://127.0.0.1:${port},http://localhost:${port}`,
    SHOP_CUSTOMER_ID: shopper.id,
  },
});

async function stop(code) {
  next.kill('SIGTERM');
  await sandbox.close();
  process.exit(code);
}
next.on('exit', (code) => void stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
