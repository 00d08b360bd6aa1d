import { expectOk, type ProbeContext } from '../context';

/** A charge of ¥100 created with `three_d_secure=true` on a fresh token (test mode: nothing is paid). */
export async function createThreeDSecureCharge(ctx: ProbeContext): Promise<Record<string, unknown>> {
  const card = await ctx.fixtures.usableToken();
  return expectOk(
    await ctx.api.call('POST', '/charges', { amount: '100', currency: 'jpy', card, three_d_secure: 'true', description: 'react-3ds-kit conformance check' }),
    'create a charge with three_d_secure=true',
  );
}

/** Whether a charge's 3-D Secure has a result (the status left `unverified`). */
export const hasResult = (charge: Record<string, unknown>) => charge.three_d_secure_status !== 'unverified';
