import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { createThreeDSecureClient } from '../../src/core/client/createThreeDSecureClient';
import { createPayjsLoader } from '../../src/core/payjp/createPayjsLoader';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';

const verification = { id: 'tdsr_1', cardId: 'car_1', state: 'created', threeDSecureStatus: 'unverified', outcome: 'pending', createdAt: 1, startedAt: null, resultReceivedAt: null, finishedAt: null, expiredAt: null };

function answering(status: number, body: unknown) {
  return vi.fn(async (_input: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('createPayjpBackend', () => {
  it('speaks the JSON protocol: create, read, with extra headers', async () => {
    const fetch = answering(201, { verification });
    const backend = createPayjpBackend({ baseUrl: '/api/3ds/', fetch, headers: () => ({ 'x-csrf-token': 't' }) });
    await expect(backend.createCardVerification('car_1')).resolves.toEqual(verification);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`${location.origin}/api/3ds/card-verifications`);
    expect(JSON.parse(String(init?.body))).toEqual({ cardId: 'car_1' });
    expect((init?.headers as Record<string, string>)['x-csrf-token']).toBe('t');
    await backend.getCardVerification('tdsr_1');
    expect(fetch.mock.calls[1]![0]).toBe(`${location.origin}/api/3ds/card-verifications/tdsr_1`);
  });

  it.each([
    [403, 'forbidden', 'forbidden'],
    [404, 'not_found', 'not_found'],
    [409, 'expired', 'expired'],
    [401, 'unauthorized', 'unauthorized'],
    [502, 'backend_error', 'backend_error'],
    [403, 'origin_not_allowed', 'misconfigured'],
    [415, 'unsupported_media_type', 'misconfigured'],
    [405, 'method_not_allowed', 'misconfigured'],
  ])('maps HTTP %i %s to %s, keeping the provider code', async (status, code, kitCode) => {
    const backend = createPayjpBackend({ baseUrl: '/api/3ds', fetch: answering(status, { error: { code, message: 'x', providerCode: 'invalid_id' } }) });
    await expect(backend.getCardVerification('tdsr_1')).rejects.toMatchObject({ code: kitCode, status, providerCode: 'invalid_id' });
  });

  it('sends every POST as Content-Type: application/json with a JSON body, as the handler requires', async () => {
    const fetch = answering(200, { charge: { id: 'ch_1', outcome: 'pending' }, token: { id: 'tok_1', outcome: 'pending' }, verification, url: 'https://api.pay.jp/v1/tds/ch_1/start' });
    const backend = createPayjpBackend({ baseUrl: '/api/3ds', fetch });
    await backend.createCardVerification('car_1');
    await backend.createCharge({ token: 'tok_1', order: 'o' });
    await backend.finishCharge('ch_1');
    await backend.finishToken('tok_1');
    await backend.createRedirectUrl('ch_1');
    const posts = fetch.mock.calls.map(([, init]) => init).filter((init) => init?.method === 'POST');
    expect(posts).toHaveLength(5);
    for (const init of posts) {
      expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
      expect(typeof JSON.parse(String(init?.body))).toBe('object');
    }
  });

  it('only leaves for PAY.JP’s own start page for that request', async () => {
    const good = 'https://api.pay.jp/v1/tds/tdsr_1/start?publickey=pk_test_x&back_url=a.b.c';
    await expect(createPayjpBackend({ baseUrl: '/api', fetch: answering(200, { url: good }) }).createRedirectUrl('tdsr_1')).resolves.toBe(good);
    for (const url of [
      'https://evil.example/v1/tds/tdsr_1/start',
      'https://api.pay.jp/v1/tds/tdsr_2/start',
      'javascript:alert(1)',
      'http://api.pay.jp/v1/tds/tdsr_1/start',
    ]) {
      const backend = createPayjpBackend({ baseUrl: '/api', fetch: answering(200, { url }) });
      await expect(backend.createRedirectUrl('tdsr_1')).rejects.toMatchObject({ code: 'start_url_not_allowed' });
    }
  });

  it('names allowedStartOrigins, with the origin to list, when the sandbox start page is refused', async () => {
    const url = 'http://127.0.0.1:4010/v1/tds/tdsr_1/start?publickey=pk_test_sandbox&back_url=a.b.c';
    const refused = createPayjpBackend({ baseUrl: '/api', fetch: answering(200, { url }) }).createRedirectUrl('tdsr_1');
    await expect(refused).rejects.toMatchObject({ code: 'start_url_not_allowed', message: expect.stringContaining('allowedStartOrigins }) (["http://127.0.0.1:4010"])') });
    const allowed = createPayjpBackend({ baseUrl: '/api', allowedStartOrigins: ['http://127.0.0.1:4010'], fetch: answering(200, { url }) });
    await expect(allowed.createRedirectUrl('tdsr_1')).resolves.toBe(url);
  });

  it('refuses an answer without a verification', async () => {
    await expect(createPayjpBackend({ baseUrl: '/api', fetch: answering(200, { ok: true }) }).getCardVerification('tdsr_1')).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('<ThreeDSecureProvider> with PAY.JP', () => {
  const backend = createPayjpBackend({ baseUrl: '/api/3ds' });

  it('starts loading pay.js when it mounts, before any click, with the nonce (a client with its loader)', () => {
    const client = createThreeDSecureClient({ backend, payjs: createPayjsLoader({ publicKey: 'pk_test_abc', jsUrl: 'https://js.example.test/prefetch.js', nonce: 'n1' }) });
    render(<ThreeDSecureProvider client={client} />);
    const script = Array.from(document.scripts).find((s) => s.src === 'https://js.example.test/prefetch.js');
    expect(script).toBeDefined();
    expect(script!.nonce).toBe('n1');
  });

  it('refuses a secret key, without repeating it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const attempt = () => render(<ThreeDSecureProvider backend={backend} publicKey="sk_test_supersecret" />);
    expect(attempt).toThrow(/secret key must never reach the browser/);
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('supersecret');
    }
  });

  it('names the missing public key, unless the workflow is redirect', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ThreeDSecureProvider backend={backend} />)).toThrow(/needs publicKey/);
    expect(() => render(<ThreeDSecureProvider backend={backend} workflow="redirect" />)).not.toThrow();
  });
});
