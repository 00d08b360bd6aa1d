import { describe, expect, it } from 'vitest';
import { importAttemptReferenceKey, signAttemptReference, verifyAttemptReference, withAttemptReference } from '../../src/server/attemptReference';

/** The signed attempt reference a return URL carries (HMAC keyed from the secret key, expiring). */

const NOW = Date.UTC(2026, 0, 1);

describe('attempt references', () => {
  it('a fresh reference verifies and names its charge', async () => {
    const key = await importAttemptReferenceKey('sk_test_one');
    const reference = await signAttemptReference({ chargeId: 'ch_abc123', expiresAt: NOW + 1000 }, key);
    expect(reference).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(await verifyAttemptReference(reference, key, NOW)).toEqual({ ok: true, claims: { chargeId: 'ch_abc123', expiresAt: NOW + 1000 } });
  });

  it('refuses a reference whose payload or MAC was altered, or that another secret key signed', async () => {
    const key = await importAttemptReferenceKey('sk_test_one');
    const reference = await signAttemptReference({ chargeId: 'ch_abc123', expiresAt: NOW + 1000 }, key);
    const [payload, mac] = reference.split('.') as [string, string];
    const otherCharge = Buffer.from(JSON.stringify({ c: 'ch_other', e: NOW + 1000 })).toString('base64url');
    const longer = Buffer.from(JSON.stringify({ c: 'ch_abc123', e: NOW + 10 ** 9 })).toString('base64url');
    const flipped = `${mac.slice(0, -2)}${mac.at(-2) === 'A' ? 'B' : 'A'}${mac.at(-1)}`;
    for (const forged of [`${otherCharge}.${mac}`, `${longer}.${mac}`, `${payload}.${flipped}`]) {
      expect(await verifyAttemptReference(forged, key, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    }
    const otherKey = await importAttemptReferenceKey('sk_test_two');
    expect(await verifyAttemptReference(reference, otherKey, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an expired reference (at and after its expiry)', async () => {
    const key = await importAttemptReferenceKey('sk_test_one');
    const reference = await signAttemptReference({ chargeId: 'ch_abc123', expiresAt: NOW + 1000 }, key);
    expect((await verifyAttemptReference(reference, key, NOW + 999)).ok).toBe(true);
    expect(await verifyAttemptReference(reference, key, NOW + 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([[''], ['abc'], ['a.b.c'], ['!!.??'], ['x'.repeat(500)], [42 as unknown as string]])('a malformed reference (%j) is refused without throwing', async (reference) => {
    const key = await importAttemptReferenceKey('sk_test_one');
    expect(await verifyAttemptReference(reference, key, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a correctly signed payload that is not a charge reference is malformed', async () => {
    const key = await importAttemptReferenceKey('sk_test_one');
    const reference = await signAttemptReference({ chargeId: 'cus_someone', expiresAt: NOW + 1000 }, key);
    expect(await verifyAttemptReference(reference, key, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('is derived from the secret key, never the key itself: the back_url key does not verify it', async () => {
    const secretKey = 'sk_test_one';
    const raw = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const reference = await signAttemptReference({ chargeId: 'ch_abc123', expiresAt: NOW + 1000 }, raw);
    expect((await verifyAttemptReference(reference, await importAttemptReferenceKey(secretKey), NOW)).ok).toBe(false);
  });

  it('adds itself to a return URL, keeping its query', () => {
    expect(withAttemptReference('https://shop.example/return?x=1', 'p.m')).toBe('https://shop.example/return?x=1&r3ds_attempt=p.m');
  });
});
