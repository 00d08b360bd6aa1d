import { randomBytes } from 'node:crypto';
import type { ResolvedKurocoOptions } from './options';
import type { ResolvedPayjpOptions } from './payjp/options';
import { createPayjpState, type PayjpState } from './payjp/store';

/** One line of a sandbox order. */
export interface OrderLine {
  product_id: number;
  product_name: string;
  quantity: number;
  price: number;
}

/**
 * Where an order's payment stands inside the sandbox. `awaiting_3ds` and `failed` both read as
 * Kuroco's `payment_failed`; `paid` reads as `payment_failed` until `paidVisibleAt`.
 */
export type OrderSettlement = 'awaiting_3ds' | 'failed' | 'paid' | 'unpaid';

export interface OrderRecord {
  id: number;
  paymentId: number;
  lines: OrderLine[];
  subtotal: number;
  discount: number;
  total: number;
  createdAt: number;
  settlement: OrderSettlement;
  paidVisibleAt: number;
  /** Cookie session that created it (cookie auth), else null. */
  owner: string | null;
}

/** A Paygent 3-D Secure transaction started by a 3DS purchase. */
export interface ChallengeSession {
  id: string;
  transactionId: string;
  orderId: number;
  amount: number;
  /** Absolute return URL (card_3dsec_return_url resolved at purchase time). */
  returnUrl: string;
  createdAt: number;
  completed: boolean;
}

/** Everything one sandbox instance remembers; nothing is shared between instances. */
export interface SandboxState {
  kuroco: ResolvedKurocoOptions;
  /** Per-instance HMAC key for the ACS form's signed session reference. */
  signingKey: Buffer;
  orders: Map<number, OrderRecord>;
  challenges: Map<string, ChallengeSession>;
  usedCardTokens: Set<string>;
  /** Cookie session ids issued by `POST {apiBase}/login`. */
  loginSessions: Set<string>;
  nextOrderId: number;
  nextMemberId: number;
  /** The PAY.JP stand-in's keys, tokens, cards, customers and 3-D Secure requests. */
  payjp: PayjpState;
}

export function createState(kuroco: ResolvedKurocoOptions, payjp: ResolvedPayjpOptions): SandboxState {
  return {
    kuroco,
    signingKey: randomBytes(32),
    orders: new Map(),
    challenges: new Map(),
    usedCardTokens: new Set(),
    loginSessions: new Set(),
    nextOrderId: 1001,
    nextMemberId: 1,
    payjp: createPayjpState(payjp),
  };
}
