import type { Page } from 'playwright-core';
import { signBackUrl } from '../server/signBackUrl';
import { answerChallenge, type ChallengeAnswer } from './challenge';
import type { PageHost } from './pageHost';
import type { ApiAnswer, PayjpApi } from './payjpApi';
import type { Target } from './target';

/** What every probe gets: the target, its API, the probe page host and the shared browser. */
export interface ProbeContext {
  target: Target;
  api: PayjpApi;
  pages: PageHost;
  /** The run's one browser tab (in the one Chromium), made on first use. */
  tab(): Promise<Page>;
  fixtures: Fixtures;
}

/** Test objects several probes build on, made once per run. */
export interface Fixtures {
  /** A fresh token of the test card, created with the secret key, usable for a charge. */
  usableToken(): Promise<string>;
  /** A customer card (made once). */
  customerCard(): Promise<{ customerId: string; cardId: string }>;
  /** A fresh three_d_secure_request on the customer card. */
  threeDSecureRequest(): Promise<string>;
}

export const TEST_CARD = { 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2035', 'card[cvc]': '123', 'card[name]': 'TARO YAMADA', 'card[email]': 'taro@example.jp' };
export const DIRECT_TOKEN = { 'X-Payjp-Direct-Token-Generate': 'true' };

/** Fails with the answer in the message (no key is ever in an answer). */
export function expectOk(answer: ApiAnswer, what: string): Record<string, unknown> {
  if (answer.status !== 200) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.error ?? answer.body).slice(0, 300)}`);
  return answer.body;
}

/**
 * The redirect workflow in the browser: PAY.JP's start page with a signed `back_url`, the answer
 * pressed on the challenge, and the return. False when the page showed no button for `answer`.
 */
export async function passRedirectChallenge(ctx: Pick<ProbeContext, 'target' | 'pages' | 'tab'>, id: string, answer: ChallengeAnswer): Promise<boolean> {
  const { target, pages } = ctx;
  const backUrl = await signBackUrl(pages.returnUrl, target.secretKey);
  const start = `${target.apiBase}/tds/${encodeURIComponent(id)}/start?${new URLSearchParams({ publickey: target.publicKey, back_url: backUrl })}`;
  const page = await ctx.tab();
  try {
    await page.goto(start);
    if (!(await answerChallenge(() => page.frames(), answer))) return false;
    await page.waitForURL((url) => url.href.startsWith(pages.returnUrl), { timeout: 30_000 });
    return true;
  } finally {
    await page.goto('about:blank');
  }
}

/** Re-reads `path` a few times (bounded) until `done` holds: a test-mode result may lag a little. */
export async function readUntil(api: PayjpApi, path: string, done: (body: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1500));
    body = expectOk(await api.call('GET', path), `GET ${path}`);
    if (done(body)) break;
  }
  return body;
}

function cardOf(token: Record<string, unknown>): Record<string, unknown> {
  return token.card && typeof token.card === 'object' ? (token.card as Record<string, unknown>) : {};
}

export function createFixtures(ctx: Omit<ProbeContext, 'fixtures'>): Fixtures {
  let customer: Promise<{ customerId: string; cardId: string }> | undefined;
  async function usableToken(): Promise<string> {
    const token = expectOk(await ctx.api.call('POST', '/tokens', TEST_CARD, { headers: DIRECT_TOKEN }), 'create a token with the secret key');
    const id = String(token.id);
    // An account that runs 3-D Secure on every token hands out unfinished tokens: finish them first.
    if (cardOf(token).three_d_secure_status === 'unverified') {
      if (!(await passRedirectChallenge(ctx, id, 'verified'))) throw new Error('could not pass the token challenge of this account');
      expectOk(await ctx.api.call('POST', `/tokens/${id}/tds_finish`), 'finish the token');
    }
    return id;
  }
  return {
    usableToken,
    customerCard() {
      customer ??= (async () => {
        const body = expectOk(await ctx.api.call('POST', '/customers', { card: await usableToken(), description: 'react-3ds-kit conformance check' }), 'create a customer');
        return { customerId: String(body.id), cardId: String(body.default_card) };
      })();
      return customer;
    },
    async threeDSecureRequest() {
      const { cardId } = await this.customerCard();
      return String(expectOk(await ctx.api.call('POST', '/three_d_secure_requests', { resource_id: cardId }), 'create a three_d_secure_request').id);
    },
  };
}
