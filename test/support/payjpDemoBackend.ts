// The merchant backend the PAY.JP demos and tests run against: createPayjpHandler over the official
// `payjp` SDK, pointed at the sandbox on the same server. Not part of the package.
import type { IncomingMessage, ServerResponse } from 'node:http';
import Payjp from 'payjp';
import { createPayjpHandler, toNodeListener, type PayjpClientLike } from '../../src/server/index';

export const DEMO_PUBLIC_KEY = 'pk_test_sandbox';
const DEMO_SECRET_KEY = 'sk_test_sandbox';
/** Where the handler is mounted (default policy: `attempted` counts as success). */
export const DEMO_PAYJP_BASE = '/api/payjp';
/** The same shopper behind a handler that refuses `attempted`. */
export const DEMO_PAYJP_STRICT_BASE = '/api/payjp-strict';
/** The same shopper behind a handler whose clock runs 31 minutes ahead: every charge is past PAY.JP's 30-minute window. */
export const DEMO_PAYJP_LATE_BASE = '/api/payjp-late';
/** The same shopper behind a handler with `attemptReferences` on: its charges return to `/recover.html?r3ds_attempt=…`. */
export const DEMO_PAYJP_REFS_BASE = '/api/payjp-refs';
/** Lists the demo shopper's saved cards (and one card of somebody else, to show the 404). */
export const DEMO_CARDS_PATH = '/api/payjp-demo/cards';

export interface DemoCard {
  id: string;
  brand: string;
  last4: string;
}

export interface DemoCards {
  customerId: string;
  cards: DemoCard[];
  otherCustomersCardId: string;
}

interface DemoSetup {
  cards: DemoCards;
  listeners: Record<string, ReturnType<typeof toNodeListener>>;
}

/**
 * The demo shop's price list: the server, not the browser, turns an order reference into an amount.
 * `big` is above ¥10,000, where PAY.JP's test card 4000000000080202 is declined.
 */
export const DEMO_ORDERS = { basic: 1_200, premium: 4_800, big: 12_000 } as const;

function priceDemoOrder(order: unknown) {
  const cart = typeof order === 'object' && order !== null ? (order as { cart?: unknown }).cart : undefined;
  if (typeof cart !== 'string' || !(cart in DEMO_ORDERS)) return null;
  return { amount: DEMO_ORDERS[cart as keyof typeof DEMO_ORDERS], description: `react-3ds-kit demo: ${cart}`, metadata: { cart } };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

async function createCustomer(payjp: ReturnType<typeof Payjp>, numbers: string[], email: string) {
  const tokens = [];
  for (const number of numbers) {
    tokens.push(
      await payjp.tokens.create(
        { card: { number, exp_month: 12, exp_year: 2030, cvc: '123', name: 'TARO YAMADA', email } },
        { 'X-Payjp-Direct-Token-Generate': 'true' },
      ),
    );
  }
  const [first, ...rest] = tokens;
  const customer = await payjp.customers.create({ email, card: first!.id });
  for (const token of rest) await payjp.customers.cards.create(customer.id, { card: token.id });
  const list = await payjp.customers.cards.list(customer.id);
  return { customer, cards: list.data.map((card) => ({ id: card.id, brand: card.brand, last4: card.last4 })) };
}

/**
 * Connect middleware: `/api/payjp/*` is the kit's handler for a signed-in demo shopper, and
 * `/api/payjp-demo/cards` tells the demos which cards that shopper has. Set up on first use, per
 * origin, because Storybook and the test servers pick their ports at start.
 */
export function payjpDemoMiddleware(options: { returnPaths?: string[]; sandboxOrigin?: string; allowedOrigins?: string[] } = {}): Middleware {
  const setups = new Map<string, Promise<DemoSetup>>();

  function setup(origin: string): Promise<DemoSetup> {
    let pending = setups.get(origin);
    if (!pending) {
      pending = (async () => {
        // The sandbox may run on this server (Storybook, Vitest) or on its own origin, like PAY.JP (e2e).
        const apiBase = `${options.sandboxOrigin ?? origin}/v1`;
        const payjp = Payjp(DEMO_SECRET_KEY, { apibase: apiBase, timeout: 10_000 });
        const shopper = await createCustomer(payjp, ['4242424242424242', '5555555555554444'], 'shopper@example.jp');
        const other = await createCustomer(payjp, ['3530111333300000'], 'someone-else@example.jp');
        const handlerAt = (basePath: string, acceptAttempted: boolean, clockOffsetMs = 0, extra: Partial<Parameters<typeof createPayjpHandler>[0]> = {}) =>
          toNodeListener(
            createPayjpHandler({
              secretKey: DEMO_SECRET_KEY,
              publicKey: DEMO_PUBLIC_KEY,
              // A real app reads the customer from its session; the demo has one signed-in shopper.
              resolveCustomer: () => shopper.customer.id,
              payjp: payjp as unknown as PayjpClientLike,
              apiBase,
              basePath,
              acceptAttempted,
              allowedOrigins: options.allowedOrigins,
              resolveCharge: (_request, order) => priceDemoOrder(order),
              ...(clockOffsetMs ? { now: () => Date.now() + clockOffsetMs } : {}),
              returnUrls: (options.returnPaths ?? ['/sandbox-return.html']).map((path) => `${origin}${path}`),
              ...extra,
            }),
          );
        return {
          cards: { customerId: shopper.customer.id, cards: shopper.cards, otherCustomersCardId: other.cards[0]!.id },
          listeners: {
            [DEMO_PAYJP_BASE]: handlerAt(DEMO_PAYJP_BASE, true),
            [DEMO_PAYJP_STRICT_BASE]: handlerAt(DEMO_PAYJP_STRICT_BASE, false),
            [DEMO_PAYJP_LATE_BASE]: handlerAt(DEMO_PAYJP_LATE_BASE, true, 31 * 60_000),
            [DEMO_PAYJP_REFS_BASE]: handlerAt(DEMO_PAYJP_REFS_BASE, true, 0, { attemptReferences: true, returnUrls: [`${origin}/recover.html`] }),
          },
        };
      })();
      pending.catch(() => setups.delete(origin));
      setups.set(origin, pending);
    }
    return pending;
  }

  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const base = [DEMO_PAYJP_BASE, DEMO_PAYJP_STRICT_BASE, DEMO_PAYJP_LATE_BASE, DEMO_PAYJP_REFS_BASE].find((prefix) => path.startsWith(`${prefix}/`));
    if (path !== DEMO_CARDS_PATH && !base) return next();
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    setup(origin).then(
      ({ cards, listeners }) => {
        if (base) return listeners[base]!(req, res, next);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(cards));
      },
      (error: unknown) => next(error),
    );
  };
}
