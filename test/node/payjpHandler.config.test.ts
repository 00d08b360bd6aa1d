// Misconfiguration as a new merchant meets it: the message names the option to set and what was
// passed (never the value of a key), the README's Next.js recipe imports without its keys, and an
// injected SDK pointed at the sandbox sends redirects to the sandbox, not to the real PAY.JP.
import Payjp from 'payjp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox, SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from '../../src/sandbox';
import { createPayjpHandler, type PayjpClientLike, type PayjpHandlerOptions } from '../../src/server';
import { PUBLIC_KEY, SECRET_KEY } from './payjpHandlerFake';

const base: PayjpHandlerOptions = { secretKey: SECRET_KEY, publicKey: PUBLIC_KEY, resolveCustomer: () => null };

function creationError(options: Partial<PayjpHandlerOptions>): Error {
  try {
    createPayjpHandler({ ...base, ...options } as PayjpHandlerOptions);
  } catch (error) {
    return error as Error;
  }
  throw new Error('createPayjpHandler did not throw');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('createPayjpHandler key messages', () => {
  it('says "got undefined" for a missing secret key and suggests creating the handler on the first request', () => {
    const error = creationError({ secretKey: undefined as unknown as string });
    expect(error).toMatchObject({ code: 'misconfigured' });
    expect(error.message).toContain('`secretKey`');
    expect(error.message).toContain('got undefined');
    expect(error.message).toMatch(/first request/);
  });

  it('says "got undefined" for a missing public key', () => {
    expect(creationError({ publicKey: undefined as unknown as string }).message).toMatch(/`publicKey`.*got undefined/);
  });

  it('describes a malformed key without printing it', () => {
    const almostKey = 'sk_prod_9f8e7d6c5b4a39281706f5e4';
    const error = creationError({ secretKey: almostKey });
    expect(error.message).toContain('got a string of 32 characters that is not one');
    expect(error.message).not.toContain(almostKey);
    expect(error.message).not.toContain('9f8e7d');
    expect(creationError({ secretKey: '' }).message).toContain('got an empty string');
    expect(creationError({ secretKey: 42 as unknown as string }).message).toContain('got a number');
  });
});

describe("the README's Next.js route with run-time-only secrets", () => {
  it('imports without the keys, and works once they are set', async () => {
    vi.stubEnv('PAYJP_SECRET_KEY', undefined);
    vi.stubEnv('NEXT_PUBLIC_PAYJP_PUBLIC_KEY', undefined);
    const route = await import('./fixtures/lazyNextRoute');
    expect(route.runtime).toBe('nodejs');

    vi.stubEnv('PAYJP_SECRET_KEY', SECRET_KEY);
    vi.stubEnv('NEXT_PUBLIC_PAYJP_PUBLIC_KEY', PUBLIC_KEY);
    const answer = await route.POST(
      new Request('https://shop.example/api/3ds/card-verifications', { method: 'POST', headers: { 'content-type': 'application/json', 'x-customer': 'cus_1' }, body: JSON.stringify({ cardId: 'nope' }) }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('fails on the first request, naming the option, when the key is still missing', async () => {
    vi.stubEnv('PAYJP_SECRET_KEY', undefined);
    const route = await import('./fixtures/lazyNextRoute');
    expect(() => route.GET(new Request('https://shop.example/api/3ds/card-verifications/tdsr_1'))).toThrow(/`secretKey`.*got undefined/);
  });
});

describe('an injected payjp SDK instance', () => {
  it('takes the start origin from the SDK when apiBase is left out (redirects go to the sandbox)', async () => {
    const sandbox = await createSandbox().listen();
    try {
      const payjp = Payjp(SANDBOX_PAYJP_SECRET_KEY, { apibase: sandbox.payjpApiBase, timeout: 5000 });
      const client = payjp as unknown as { tokens: { create(q: object, h: object): Promise<{ id: string }> }; customers: { create(q: object): Promise<{ id: string; default_card: string }> } };
      const token = await client.tokens.create(
        { card: { number: '4000000000003220', exp_month: 12, exp_year: 2040, cvc: '123', name: 'TARO YAMADA', email: 'taro@example.com' } },
        { 'X-Payjp-Direct-Token-Generate': 'true' },
      );
      const customer = await client.customers.create({ card: token.id });
      const handler = createPayjpHandler({
        secretKey: SANDBOX_PAYJP_SECRET_KEY,
        publicKey: SANDBOX_PAYJP_PUBLIC_KEY,
        resolveCustomer: () => customer.id,
        payjp: payjp as unknown as PayjpClientLike,
        returnUrls: ['https://shop.example/return'],
      });
      const post = (path: string, body: object) =>
        handler(new Request(`https://shop.example/api/3ds${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
      const created = (await (await post('/card-verifications', { cardId: customer.default_card })).json()) as { verification: { id: string } };
      const redirect = (await (await post(`/card-verifications/${created.verification.id}/redirect`, {})).json()) as { url: string };
      expect(new URL(redirect.url).origin).toBe(new URL(sandbox.payjpApiBase).origin);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses an apiBase that differs from the SDK instance, naming both options', () => {
    const payjp = Payjp(SECRET_KEY, { apibase: 'http://127.0.0.1:4010/payjp/v1' }) as unknown as PayjpClientLike;
    const error = creationError({ payjp, apiBase: 'https://api.pay.jp/v1' });
    expect(error).toMatchObject({ code: 'misconfigured' });
    expect(error.message).toMatch(/`apiBase`.*`payjp`/);
  });
});
