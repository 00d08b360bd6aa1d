// sandboxPresets.lateIssuer: production-like lateness, in minutes, for the PAY.JP slow issuer.
import { describe, expect, it } from 'vitest';
import { createSandbox, sandboxPresets } from '../../src/sandbox';
import { complete, getTdsr, jws, listen, openStart, PK, SK, tdsrFor } from './sandbox.payjp.support';

describe('sandboxPresets.lateIssuer', () => {
  it('is accepted by createSandbox and is in minutes for PAY.JP, tens of seconds for Kuroco', () => {
    expect(() => createSandbox(sandboxPresets.lateIssuer)).not.toThrow();
    expect(sandboxPresets.lateIssuer.payjp.slowIssuerMs).toBeGreaterThanOrEqual(4 * 60_000);
    expect(sandboxPresets.lateIssuer.payjp.slowIssuerMs).toBeLessThanOrEqual(5 * 60_000);
    expect(sandboxPresets.lateIssuer.kuroco.statusDelayMs).toBeGreaterThanOrEqual(10_000);
  });

  it('the slow outcome lands minutes after the challenge page completes', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) };
    const server = await listen({ ...sandboxPresets.lateIssuer, payjp: { ...sandboxPresets.lateIssuer.payjp, now: () => clock.now } });
    const id = await tdsrFor(server);
    const start = await openStart(server, id, { publickey: PK, back_url: jws({ url: 'https://shop.example/back', iat: 1_700_000_000 }, SK) });
    await complete(server, id, start.context!, 'slow');
    clock.now += 4 * 60_000;
    expect(await getTdsr(server, id)).toMatchObject({ state: 'in_progress', three_d_secure_status: 'unverified' });
    clock.now += 60_000;
    expect(await getTdsr(server, id)).toMatchObject({ state: 'finished', three_d_secure_status: 'verified' });
  });
});
