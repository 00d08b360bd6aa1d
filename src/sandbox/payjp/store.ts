import { randomBytes } from 'node:crypto';
import type { ResolvedPayjpOptions } from './options';
import type { SandboxTdsBehaviour, ThreeDSecureStatus } from './outcomes';

/** A card, created by a token and later attached to a customer (it keeps its `car_…` id). */
export interface CardRecord {
  id: string;
  /** `cus_…` once attached to a customer. */
  customerId: string | null;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: { state: string | null; city: string | null; line1: string | null; line2: string | null; zip: string | null };
  country: string | null;
  /** Whether a cvc was given (`cvc_check: 'passed'`). */
  cvcChecked: boolean;
  fingerprint: string;
  created: number;
  /** What 3-D Secure does for this card (sandbox card numbers may force an outcome). */
  tds: SandboxTdsBehaviour;
}

export interface TokenRecord {
  id: string;
  cardId: string;
  created: number;
  used: boolean;
}

export interface CustomerRecord {
  id: string;
  created: number;
  email: string | null;
  description: string | null;
  metadata: Record<string, string> | null;
  /** Card ids, oldest first. */
  cardIds: string[];
  defaultCard: string | null;
}

/** The issuer result of a 3-D Secure attempt; `at` may lie in the future (slow issuer). */
export interface TdsResult {
  status: ThreeDSecureStatus;
  at: number;
}

export interface TdsrRecord {
  id: string;
  resourceId: string;
  tenantId: string | null;
  /** Milliseconds (the object shows unix seconds). */
  created: number;
  startedAt: number | null;
  result: TdsResult | null;
}

/** Everything the PAY.JP stand-in of one sandbox remembers. */
export interface PayjpState {
  options: ResolvedPayjpOptions;
  /** Per-instance HMAC key for the challenge page's signed context. */
  signingKey: Buffer;
  tokens: Map<string, TokenRecord>;
  cards: Map<string, CardRecord>;
  customers: Map<string, CustomerRecord>;
  threeDSecureRequests: Map<string, TdsrRecord>;
}

export function createPayjpState(options: ResolvedPayjpOptions): PayjpState {
  return {
    options,
    signingKey: randomBytes(32),
    tokens: new Map(),
    cards: new Map(),
    customers: new Map(),
    threeDSecureRequests: new Map(),
  };
}
