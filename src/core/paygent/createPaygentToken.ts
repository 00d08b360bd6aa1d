import { ThreeDSecureError, toThreeDSecureError } from '../errors';
import { normalizePaygentCard } from './card';
import { paygentResultInfo } from './resultCodes';
import type { PaygentCardInput, PaygentCardToken, PaygentTokenConfig, PaygentTokenConstructor, PaygentTokenResponse } from './types';

export interface CreatePaygentTokenOptions {
  /** Give up with `timeout` when PaygentToken.js has not called back by then. @default 30000 */
  timeoutMs?: number;
}

/** The ThreeDSecureError for a PaygentToken.js result code other than `0000`. */
export function paygentTokenError(result: string): ThreeDSecureError {
  const info = paygentResultInfo(result);
  return new ThreeDSecureError(info.code, `PaygentToken.js answered ${result}: ${info.meaning}.`, {
    providerCode: result,
    ...(info.field ? { field: info.field } : {}),
  });
}

function toCardToken(response: PaygentTokenResponse): PaygentCardToken {
  const card = response.tokenizedCardObject;
  if (!card || typeof card.token !== 'string' || card.token === '') {
    throw new ThreeDSecureError('invalid_response', 'PaygentToken.js answered 0000 without tokenizedCardObject.token.', { providerCode: '0000' });
  }
  return {
    token: card.token,
    maskedCardNumber: card.masked_card_number ?? '',
    validUntil: card.valid_until ?? '',
    fingerprint: card.fingerprint ?? '',
    hc: response.hc ?? '',
  };
}

/**
 * Creates a one-time Paygent card token with PaygentToken.js's callback API, as a Promise. The card
 * is normalised first (spaces and dashes out of the number, MM and YY). Failures reject with a
 * ThreeDSecureError: `invalid_card` with `field` ('card_number' | 'expire' | 'cvc' | 'name') for
 * 1300–1700, `misconfigured` for the merchant id and key (11xx, 12xx), `network_error` for 7001,
 * `backend_error` for 7000, 8000, 9000 and unknown codes; `providerCode` is Paygent's code.
 * Card data is neither logged nor kept.
 */
export function createPaygentToken(
  PaygentToken: PaygentTokenConstructor,
  config: PaygentTokenConfig,
  card: PaygentCardInput,
  options: CreatePaygentTokenOptions = {},
): Promise<PaygentCardToken> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise<PaygentCardToken>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new ThreeDSecureError('timeout', `PaygentToken.js did not answer within ${timeoutMs} ms.`));
    }, timeoutMs);
    const settle = (response: PaygentTokenResponse | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        const result = response && typeof response.result === 'string' ? response.result : '';
        if (result === '') throw new ThreeDSecureError('invalid_response', 'PaygentToken.js called back without a result code.');
        if (result !== '0000') throw paygentTokenError(result);
        resolve(toCardToken(response as PaygentTokenResponse));
      } catch (error) {
        reject(toThreeDSecureError(error, 'invalid_response'));
      }
    };
    try {
      new PaygentToken().createToken(config.merchantId, config.tokenGeneratePubkey, normalizePaygentCard(card), settle);
    } catch (cause) {
      settled = true;
      clearTimeout(timer);
      reject(new ThreeDSecureError('backend_error', 'PaygentToken.js threw while creating a token.', { cause }));
    }
  });
}
