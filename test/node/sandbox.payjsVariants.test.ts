// The stand-in pay.js variant options: validated, written into the served script, and the
// hosted frame / helper frame paths of the 'foreign-frame' and helper-frame modes.
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type SandboxServer } from '../../src/sandbox';
import { resolvePayjpOptions, type PayjpSandboxOptions } from '../../src/sandbox/payjp/options';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function listen(payjp?: PayjpSandboxOptions): Promise<SandboxServer> {
  const server = await createSandbox({ payjp }).listen();
  cleanups.push(() => server.close());
  return server;
}

describe('pay.js variant options', () => {
  it('have the documented defaults', () => {
    expect(resolvePayjpOptions().payjs).toEqual({
      payjsOverlay: 'body-child',
      payjsHelperFrames: true,
      payjsRejection: 'error',
      payjsLanguage: 'ja',
      popupBlocking: 'reject',
      payjsDefaultWorkflow: 'subwindow',
      validationErrorShape: 'without-status',
    });
  });

  it.each([
    [{ payjsOverlay: 'shadow' }, /payjsOverlay must be one of 'body-child', 'foreign-frame', 'container'/],
    [{ payjsRejection: 'string' }, /payjsRejection/],
    [{ payjsLanguage: 'fr' }, /payjsLanguage/],
    [{ popupBlocking: 'hang' }, /popupBlocking/],
    [{ payjsDefaultWorkflow: 'modal' }, /payjsDefaultWorkflow/],
    [{ validationErrorShape: 'status' }, /validationErrorShape/],
    [{ payjsHelperFrames: 'yes' }, /payjsHelperFrames must be a boolean/],
  ])('refuses %o with a TypeError', (options, message) => {
    expect(() => resolvePayjpOptions(options as unknown as PayjpSandboxOptions)).toThrow(message);
  });

  it('writes the options into the served pay.js, which still parses', async () => {
    const server = await listen({ payjsOverlay: 'container', payjsRejection: 'nested', payjsDefaultWorkflow: 'iframe', payjsHelperFrames: false });
    const source = await (await fetch(server.payjsUrl)).text();
    expect(source).toContain('"payjsOverlay":"container"');
    expect(source).toContain('"payjsRejection":"nested"');
    expect(source).toContain('"payjsDefaultWorkflow":"iframe"');
    expect(source).toContain('"payjsHelperFrames":false');
    expect(source).not.toContain('data-payjp-three-d-secure');
    expect(() => new Function(source)).not.toThrow();
  });

  it('serves the hosted frame as a forward to its own start page only, and a helper page', async () => {
    const server = await listen();
    const frame = await fetch(`${server.url}/payjs/v2/three-d-secure-frame?id=tdsr_x/../../evil&publickey=pk_test_sandbox&workflow=iframe&origin=http%3A%2F%2Fshop.test&next=https://evil.test`, { redirect: 'manual' });
    expect(frame.status).toBe(302);
    const location = frame.headers.get('location')!;
    expect(location.startsWith('/v1/tds/tdsr_x%2F..%2F..%2Fevil/start?')).toBe(true);
    expect(location).not.toContain('evil.test');
    const helper = await fetch(`${server.url}/payjs/v2/apitunnel.html`);
    expect(helper.status).toBe(200);
    expect(helper.headers.get('content-type')).toMatch(/text\/html/);
  });
});
