// Shared by the PAY.JP sandbox tests: both official SDKs, raw API calls, and an HS256 JWS signer.
import { createHmac } from 'node:crypto';
import Payjp from 'payjp';
import Payjp3 from 'payjp3';
import { afterEach } from 'vitest';
import { createSandbox, type SandboxOptions, type SandboxServer } from '../../src/sandbox';

export const PK = 'pk_test_sandbox';
export const SK = 'sk_test_sandbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

export async function listen(options?: SandboxOptions): Promise<SandboxServer> {
  const server = await createSandbox(options).listen();
  cleanups.push(() => server.close());
  return server;
}

/** The PAY.JP error as an SDK surfaced it. */
export interface SurfacedError {
  status: number | undefined;
  error: { status: number; type: string; message: string; code?: string; param?: string } | undefined;
}

/** Both SDKs, with the accessors each one documents for errors. */
export const SDKS = [
  {
    name: 'payjp 2.3.0 (superagent)',
    create: (key: string, apibase: string) => Payjp(key, { apibase, timeout: 5000 }),
    surface(error: unknown): SurfacedError {
      const e = error as { status?: number; response?: { body?: { error?: SurfacedError['error'] } } };
      return { status: e.status, error: e.response?.body?.error };
    },
  },
  {
    name: 'payjp 3.1.2 (fetch)',
    create: (key: string, apibase: string) => Payjp3(key, { apibase, timeout: 5000 }) as unknown as ReturnType<typeof Payjp>,
    surface(error: unknown): SurfacedError {
      const e = error as { status?: number; body?: { error?: SurfacedError['error'] }; response?: { body?: { error?: SurfacedError['error'] } } };
      // v3 exposes the body twice; both must carry PAY.JP's envelope.
      if (JSON.stringify(e.body) !== JSON.stringify(e.response?.body)) throw new Error('payjp3: err.body and err.response.body differ');
      return { status: e.status, error: e.response?.body?.error };
    },
  },
] as const;

export type Sdk = (typeof SDKS)[number];
export type PayjpClient = ReturnType<typeof Payjp>;

/** Runs `call` and returns the error it rejects with, as the SDK surfaced it. */
export async function failure(sdk: Sdk, call: () => Promise<unknown>): Promise<SurfacedError> {
  try {
    await call();
  } catch (error) {
    return sdk.surface(error);
  }
  throw new Error('expected the call to fail');
}

export const DIRECT = { 'X-Payjp-Direct-Token-Generate': 'true' };

export function card(number = '4242424242424242') {
  return { number, exp_month: 12, exp_year: 2035, cvc: number.startsWith('37') || number.startsWith('34') ? '1234' : '123', name: 'TARO YAMADA', email: 'taro@example.jp', phone: '+819012345678' };
}

export function basic(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

/** A raw `/v1` call with form-encoded body (as payjs and the SDKs send). */
export async function api(server: SandboxServer, method: string, path: string, form?: Record<string, string>, key = SK, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.payjpApiBase}${path}`, {
    method,
    headers: { Authorization: basic(key), ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & { error?: SurfacedError['error'] } };
}

/** A customer with one card of `number`; returns the card id. */
export async function customerCard(server: SandboxServer, number = '4242424242424242'): Promise<{ customerId: string; cardId: string }> {
  const payjp = SDKS[1].create(SK, server.payjpApiBase);
  const token = await payjp.tokens.create({ card: card(number) }, DIRECT);
  const customer = await payjp.customers.create({ card: token.id });
  return { customerId: customer.id, cardId: customer.default_card ?? '' };
}

/** A fresh three_d_secure_request on a new customer card. */
export async function tdsrFor(server: SandboxServer, number?: string): Promise<string> {
  const { cardId } = await customerCard(server, number);
  const created = await api(server, 'POST', '/three_d_secure_requests', { resource_id: cardId });
  return created.body.id as string;
}

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Compact JWS, HS256 by default (what jsonwebtoken / firebase-php-jwt produce for back_url). */
export function jws(payload: unknown, key: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}

export function startUrl(server: SandboxServer, id: string, query: Record<string, string>): string {
  return `${server.payjpApiBase}/tds/${encodeURIComponent(id)}/start?${new URLSearchParams(query).toString()}`;
}

/** Opens the start page and reads what its forms carry. */
export async function openStart(server: SandboxServer, id: string, query: Record<string, string>) {
  const response = await fetch(startUrl(server, id, query), { redirect: 'manual' });
  const page = await response.text();
  const context = /name="context" value="([^"]+)"/.exec(page)?.[1] ?? null;
  return { status: response.status, page, context };
}

/** Posts the challenge form, as a button click would. */
export async function complete(server: SandboxServer, id: string, context: string, outcome: string) {
  const response = await fetch(`${server.url}/v1/tds/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ context, outcome }).toString(),
  });
  return { status: response.status, location: response.headers.get('location'), page: await response.text() };
}

export async function getTdsr(server: SandboxServer, id: string) {
  return (await api(server, 'GET', `/three_d_secure_requests/${id}`)).body;
}
