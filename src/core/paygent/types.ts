/** Card data in PaygentToken.js's own field names (`expire_year` is YY, `expire_month` MM). */
export interface PaygentCardInfo {
  card_number: string;
  expire_year: string;
  expire_month: string;
  cvc?: string;
  name?: string;
}

/** What PaygentToken.js hands its callback. `result` is `'0000'` on success, else an error code. */
export interface PaygentTokenResponse {
  result: string;
  tokenizedCardObject?: {
    token: string;
    masked_card_number?: string;
    /** `YYYYMMDDHHmmss` (Japan time): the token cannot be used after this. */
    valid_until?: string;
    fingerprint?: string;
  };
  /** Tamper-check hash: verify it on the server with the token receipt hash key, never in the browser. */
  hc?: string;
}

export type PaygentTokenCallback = (response: PaygentTokenResponse) => void;

/** An instance of `window.PaygentToken`. */
export interface PaygentTokenInstance {
  createToken(merchantId: string, tokenGeneratePubkey: string, cardInfo: PaygentCardInfo, callback: PaygentTokenCallback): void;
  createCvcToken?(merchantId: string, tokenGeneratePubkey: string, cvcInfo: { cvc: string }, callback: PaygentTokenCallback): void;
}

/** `window.PaygentToken`, the constructor PaygentToken.js defines. */
export type PaygentTokenConstructor = new () => PaygentTokenInstance;

/** The merchant's public token settings (マーチャントID and トークン生成鍵). Both are meant for the browser. */
export interface PaygentTokenConfig {
  merchantId: string;
  tokenGeneratePubkey: string;
}

/**
 * Card details as a shopper types them. The number may hold spaces, dashes and full-width digits;
 * the expiry is either `expiry` (`MM/YY`, `MM / YY`, `MMYY`, `MM/YYYY`) or `expire_month` + `expire_year`
 * (two or four digits).
 */
export interface PaygentCardInput {
  card_number: string;
  expiry?: string;
  expire_month?: string | number;
  expire_year?: string | number;
  cvc?: string;
  name?: string;
}

/** The field a card error is about. */
export type PaygentCardField = 'card_number' | 'expire' | 'cvc' | 'name';

/** A one-time card token for `ECOrder::purchase`'s `card_token`. */
export interface PaygentCardToken {
  /** `tok_…`: send it as `card_token`. Valid once, until `validUntil`. */
  token: string;
  /** Every digit but the last 4 masked, e.g. `************1111` (Paygent's token spec §4.3.1). */
  maskedCardNumber: string;
  /** `YYYYMMDDHHmmss`, Japan time. */
  validUntil: string;
  /** Alphanumeric, the same for the same card (Paygent's token spec §4.3.1). */
  fingerprint: string;
  /**
   * Pass to your server if it checks the token's integrity: `hc` = SHA-256 hex of token +
   * maskedCardNumber + validUntil + fingerprint + your トークン受取ハッシュ鍵, in that order
   * (Paygent's token spec §5). Check it on the server only, never in the browser. Empty for a CVC token.
   */
  hc: string;
}
