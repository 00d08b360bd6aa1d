import type { CardVerification } from 'react-3ds-kit/server';
import { payjpHandler } from './payjpHandler';
import { shopEnv } from './shopEnv';

export type Plan = 'basic' | 'premium';

// The demo's "database": each customer's plan, and the verifications already spent on a change.
const store = globalThis as typeof globalThis & { shopPlans?: Map<string, Plan>; shopSpentVerifications?: Set<string> };
const plans = (store.shopPlans ??= new Map());
const spent = (store.shopSpentVerifications ??= new Set());

export function currentPlan(customerId: string): Plan {
  return plans.get(customerId) ?? 'basic';
}

/**
 * Re-reads the verification the browser names, through the kit's handler (the same ownership
 * checks as the browser's own reads: the card must be this customer's). The browser saying
 * "verified" is never enough.
 */
export async function readVerification(verificationId: string): Promise<CardVerification | null> {
  const origin = shopEnv().origins[0]!;
  const answer = await payjpHandler()(new Request(`${origin}/api/3ds/card-verifications/${encodeURIComponent(verificationId)}`));
  if (!answer.ok) return null;
  return ((await answer.json()) as { verification: CardVerification }).verification;
}

export type PlanChangeResult = { granted: true; plan: Plan } | { granted: false; reason: 'not_verified' | 'already_used' };

/** Grants the premium plan only for a verification PAY.JP says succeeded, once per verification. */
export async function changePlan(customerId: string, verificationId: string): Promise<PlanChangeResult> {
  if (spent.has(verificationId)) return { granted: false, reason: 'already_used' };
  const verification = await readVerification(verificationId);
  if (verification?.outcome !== 'succeeded') return { granted: false, reason: 'not_verified' };
  spent.add(verificationId);
  plans.set(customerId, 'premium');
  return { granted: true, plan: 'premium' };
}
