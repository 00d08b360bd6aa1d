import { vi } from 'vitest';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { PayjpCard } from '../../src/core/payjp/createPayjpCard';
import type { PayjpInstance } from '../../src/core/payjp/payjs';
import type { CardVerification, ChargeSummary, TokenSummary } from '../../src/core/payjp/protocol';

/** One fake PAY.JP backend and pay.js for the flow tests (replaces the per-file copies). */
export function verification(patch: Partial<CardVerification> = {}): CardVerification {
  return { id: 'tdsr_1', cardId: 'car_1', state: 'created', threeDSecureStatus: 'unverified', outcome: 'pending', createdAt: 1, startedAt: null, resultReceivedAt: null, finishedAt: null, expiredAt: null, ...patch };
}

export function charge(patch: Partial<ChargeSummary> = {}): ChargeSummary {
  return { id: 'ch_1', amount: 1200, currency: 'jpy', paid: false, captured: false, threeDSecureStatus: 'unverified', outcome: 'pending', createdAt: 1, ...patch };
}

export function token(patch: Partial<TokenSummary> = {}): TokenSummary {
  return { id: 'tok_1', threeDSecureStatus: 'unverified', outcome: 'pending', ...patch };
}

export function mockPayjpBackend(patch: Partial<PayjpBackend> = {}): PayjpBackend {
  return {
    provider: 'payjp',
    createCardVerification: vi.fn(async () => verification()),
    getCardVerification: vi.fn(async () => verification({ state: 'in_progress' })),
    createCharge: vi.fn(async () => charge()),
    getCharge: vi.fn(async () => charge()),
    finishCharge: vi.fn(async () => charge()),
    finishToken: vi.fn(async () => token()),
    createRedirectUrl: vi.fn(async (id: string) => `https://api.pay.jp/v1/tds/${id}/start?publickey=pk&back_url=x`),
    ...patch,
  };
}

export function mockPayjs(patch: Partial<PayjpInstance> = {}): PayjpInstance {
  return { getPublicKey: () => 'pk_test_sandbox', openThreeDSecureIframe: vi.fn(async () => undefined), openThreeDSecureDialog: vi.fn(async () => undefined), ...patch };
}

/** Card fields whose token 3-D Secure pay.js "shows" at once. */
export function mockPayjpCard(): PayjpCard {
  return { getSnapshot: () => ({ ready: true, empty: false, complete: true, brand: 'Visa', error: null }), subscribe: () => () => {}, mount: () => () => {}, createToken: vi.fn(async () => ({ id: 'tok_1' }) as never) };
}
