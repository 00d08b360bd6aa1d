import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type SandboxServer } from '../../src/sandbox';
import { exactPath, findRoute, type SandboxRoute } from '../../src/sandbox/router';

const routes: (SandboxRoute & { name: string })[] = [
  { name: 'read', method: 'GET', pattern: /^\/things\/([^/]+)$/ },
  { name: 'delete', method: 'DELETE', pattern: /^\/things\/([^/]+)$/ },
  { name: 'script', method: '*', pattern: exactPath('/thing.js') },
];

describe('findRoute, the one dispatch of the sandbox routers', () => {
  it('finds the route of the method, with its params decoded (a malformed escape kept as sent)', () => {
    expect(findRoute(routes, 'DELETE', '/things/a%20b')).toMatchObject({ kind: 'found', route: { name: 'delete' }, params: ['a b'] });
    expect(findRoute(routes, 'GET', '/things/%E0%A4%A')).toMatchObject({ kind: 'found', route: { name: 'read' }, params: ['%E0%A4%A'] });
  });

  it('names the methods a known path takes, and nothing for an unknown path', () => {
    expect(findRoute(routes, 'POST', '/things/1')).toEqual({ kind: 'wrong_method', allow: ['GET', 'DELETE'] });
    expect(findRoute(routes, 'GET', '/other')).toEqual({ kind: 'none' });
  });

  it("leaves the method to a '*' route, and matches exact paths literally", () => {
    expect(findRoute(routes, 'HEAD', '/thing.js')).toMatchObject({ kind: 'found', route: { name: 'script' } });
    expect(findRoute(routes, 'GET', '/thingXjs')).toEqual({ kind: 'none' });
  });
});

describe('page routers answer a wrong method with a 405 page that says what is allowed', () => {
  let server: SandboxServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('PAY.JP 3-D Secure pages and Paygent pages', async () => {
    server = await createSandbox().listen();
    const tds = await fetch(`${server.url}/v1/tds/tdsr_x/complete`);
    expect(tds.status).toBe(405);
    expect(tds.headers.get('allow')).toBe('POST');
    expect(await tds.text()).toContain('この URL は POST のみ受け付けます。');
    const paygent = await fetch(`${server.url}/paygent/3ds/challenge`, { method: 'POST', body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(paygent.status).toBe(405);
    expect(paygent.headers.get('allow')).toBe('GET');
  });
});
