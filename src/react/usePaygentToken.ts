'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ThreeDSecureError, toThreeDSecureError } from '../core/errors';
import { createPaygentToken } from '../core/paygent/createPaygentToken';
import { loadPaygentToken } from '../core/paygent/loadPaygentToken';
import type { PaygentCardInput, PaygentCardToken, PaygentTokenConstructor } from '../core/paygent/types';

export interface UsePaygentTokenOptions {
  /** Paygent's マーチャントID. */
  merchantId: string;
  /** Paygent's トークン生成鍵 (meant for the browser). */
  tokenGeneratePubkey: string;
  /** Where PaygentToken.js comes from (the sandbox: `/paygent/js/PaygentToken.js`). @default 'https://token.paygent.co.jp/js/PaygentToken.js' */
  jsUrl?: string;
  /** CSP nonce for the script tag. */
  nonce?: string;
  /** Time limit for loading the script, and for each token. @default 15000 (load), 30000 (token) */
  timeoutMs?: number;
}

export interface UsePaygentTokenResult {
  /** Creates a one-time card token; rejects with a ThreeDSecureError (also put in `error`). */
  createToken(card: PaygentCardInput): Promise<PaygentCardToken>;
  /** `loading` until PaygentToken.js is there, `creating` during a call, `error` after a failure. */
  status: 'loading' | 'ready' | 'creating' | 'error';
  /** The last failure (loading the script or creating a token); cleared by the next call. */
  error: ThreeDSecureError | null;
  /** PaygentToken.js is loaded. */
  ready: boolean;
}

/**
 * Paygent card tokens for a form: loads PaygentToken.js when the component mounts (before any
 * click), and creates tokens with it. Card data is passed straight through and never kept.
 */
export function usePaygentToken({ merchantId, tokenGeneratePubkey, jsUrl, nonce, timeoutMs }: UsePaygentTokenOptions): UsePaygentTokenResult {
  const [ctor, setCtor] = useState<PaygentTokenConstructor | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ThreeDSecureError | null>(null);
  const mounted = useRef(true);

  const load = useCallback(async (): Promise<PaygentTokenConstructor> => {
    const loaded = await loadPaygentToken({
      ...(jsUrl ? { jsUrl } : {}),
      ...(nonce ? { nonce } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (!loaded) throw new ThreeDSecureError('misconfigured', 'PaygentToken.js can only be used in a browser.');
    return loaded;
  }, [jsUrl, nonce, timeoutMs]);

  useEffect(() => {
    mounted.current = true;
    let current = true;
    load().then(
      (loaded) => {
        if (current) setCtor(() => loaded);
      },
      (failure: unknown) => {
        if (current) setError(toThreeDSecureError(failure, 'network_error'));
      },
    );
    return () => {
      current = false;
      mounted.current = false;
    };
  }, [load]);

  const createToken = useCallback(
    async (card: PaygentCardInput): Promise<PaygentCardToken> => {
      setError(null);
      setCreating(true);
      try {
        // Loaded already in almost every case; otherwise this waits for, or retries, the load.
        const PaygentToken = ctor ?? (await load());
        if (mounted.current && !ctor) setCtor(() => PaygentToken);
        return await createPaygentToken(PaygentToken, { merchantId, tokenGeneratePubkey }, card, timeoutMs ? { timeoutMs } : {});
      } catch (failure) {
        const typed = toThreeDSecureError(failure);
        if (mounted.current) setError(typed);
        throw typed;
      } finally {
        if (mounted.current) setCreating(false);
      }
    },
    [ctor, load, merchantId, tokenGeneratePubkey, timeoutMs],
  );

  const status = creating ? 'creating' : error ? 'error' : ctor ? 'ready' : 'loading';
  return { createToken, status, error, ready: ctor !== null };
}
