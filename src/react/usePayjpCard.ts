'use client';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { ThreeDSecureError } from '../core/errors';
import { createPayjpCard, type CreateTokenOptions, type PayjpCard, type PayjpCardState } from '../core/payjp/createPayjpCard';
import { createVerifiedToken, type CreateVerifiedTokenOptions, type VerifiedTokenResult } from '../core/payjp/createVerifiedToken';
import type { PayjsCardholder, PayjsToken } from '../core/payjp/payjs';
import { usePayjpContext } from './ThreeDSecureProvider';

/** Per-call settings of `createVerifiedToken` (the provider gives `confirmTimeoutMs`). */
export type VerifiedTokenCallOptions = Pick<CreateVerifiedTokenOptions, 'returnUrl' | 'navigate' | 'confirmTimeoutMs' | 'onStillConfirming' | 'signal'>;

export interface UsePayjpCardResult extends PayjpCardState {
  /** Pass to `<PayjpCardElement card={…}>`. */
  card: PayjpCard;
  /** A plain token (the charge's 3-D Secure comes later, at charge time). */
  createToken(cardholder?: PayjsCardholder, options?: CreateTokenOptions): Promise<PayjsToken>;
  /**
   * Token-time 3-D Secure: creates the token with `three_d_secure: true`, lets payjs show the issuer,
   * then has the server confirm it (or hands off to the redirect workflow).
   */
  createVerifiedToken(cardholder: PayjsCardholder, options?: VerifiedTokenCallOptions): Promise<VerifiedTokenResult>;
}

/** The card fields of payjs v2 and the token they make. Render them with `<PayjpCardElement card={…}>`. */
export function usePayjpCard(): UsePayjpCardResult {
  const context = usePayjpContext('usePayjpCard()');
  const { getPayjp, locale, backend, attempts, workflow, confirmTimeoutMs } = context;
  const [card] = useState(() =>
    createPayjpCard({
      getPayjp: getPayjp ?? (() => Promise.reject(new ThreeDSecureError('misconfigured', 'usePayjpCard() needs publicKey on <ThreeDSecureProvider>.'))),
      locale,
    }),
  );
  const state = useSyncExternalStore(card.subscribe, card.getSnapshot, card.getSnapshot);
  const createToken = useCallback((cardholder?: PayjsCardholder, options?: CreateTokenOptions) => card.createToken(cardholder, options), [card]);
  const verified = useCallback(
    (cardholder: PayjsCardholder, options: VerifiedTokenCallOptions = {}) =>
      createVerifiedToken({ card, backend, attempts, workflow, ...(confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs }), ...options }, cardholder),
    [card, backend, attempts, workflow, confirmTimeoutMs],
  );
  return { ...state, card, createToken, createVerifiedToken: verified };
}
