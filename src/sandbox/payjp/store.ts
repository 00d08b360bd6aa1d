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
  /** How a charge on this card fails (PAY.JP's charge-time test numbers), or null. */
  chargeDecline: ChargeDecline | null;
  /** `card.three_d_secure_status`: the result of its token's 3-D Secure once finished, else null. */
  threeDSecureStatus: ThreeDSecureStatus | null;
}

/** Charge-time failures of PAY.JP's test cards: always, or only above ¥10,000. */
export type ChargeDecline = 'card_declined' | 'expired_card' | 'card_declined_over_10000';

/**
 * A 3-D Secure flow that ends with `tds_finish` (charges and tokens). The issuer's result may
 * land later than the challenge page completes (slow issuer).
 */
export interface TdsFlowRecord {
  /** Milliseconds; the start page was first opened. */
  startedAt: number | null;
  result: TdsResult | null;
  /** Milliseconds; `tds_finish` succeeded or ran the payment (even a declined one). */
  finishedAt: number | null;
}

export interface TokenRecord {
  id: string;
  cardId: string;
  created: number;
  used: boolean;
  /** Set when the token was created with `three_d_secure=true`. */
  tds: TdsFlowRecord | null;
}

export interface ChargeRecord {
  id: string;
  amount: number;
  cardId: string;
  /** `cus_…` when charged to a customer's card. */
  customerId: string | null;
  capture: boolean;
  /** Days an uncaptured authorisation lives (`expiry_days`). */
  expiryDays: number;
  description: string | null;
  metadata: Record<string, string>;
  /** Milliseconds. */
  created: number;
  paid: boolean;
  captured: boolean;
  /** Milliseconds. */
  capturedAt: number | null;
  /** Milliseconds: when an uncaptured authorisation lapses. */
  expiredAt: number | null;
  failureCode: string | null;
  failureMessage: string | null;
  /** Set when the charge was created with `three_d_secure=true`. */
  tds: TdsFlowRecord | null;
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
  charges: Map<string, ChargeRecord>;
}

export function createPayjpState(options: ResolvedPayjpOptions): PayjpState {
  return {
    options,
    signingKey: randomBytes(32),
    tokens: new Map(),
    cards: new Map(),
    customers: new Map(),
    threeDSecureRequests: new Map(),
    charges: new Map(),
  };
}
