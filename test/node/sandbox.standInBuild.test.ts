// The stand-in pay.js and PaygentToken.js are typed source built into classic scripts: what the sandbox serves is that
// build (not TypeScript, not a module), and the committed build matches its sources.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type SandboxServer } from '../../src/sandbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function listen(): Promise<SandboxServer> {
  const server = await createSandbox().listen();
  cleanups.push(() => server.close());
  return server;
}

describe('built stand-in pay.js', () => {
  it('is served as plain JavaScript of a sane size, with no TypeScript left in it', async () => {
    const server = await listen();
    const response = await fetch(server.payjsUrl);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(source));
    expect(source.length).toBeGreaterThan(10_000);
    expect(source.length).toBeLessThan(100_000);
    // Type annotations, assertions and declarations would not parse as JavaScript.
    expect(source).not.toMatch(/\bas unknown\b|\binterface \w|\bdeclare const\b|: (string|boolean|number|unknown)\b[,)=]/);
    expect(source).toContain("Not PAY.JP's code.");
    expect(() => new Function(source)).not.toThrow();
  });

  it('matches its typed sources (npm run build:standins leaves nothing to write)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-standins.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 30_000);
});
