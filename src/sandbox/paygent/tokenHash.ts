import { createHash } from 'node:crypto';

/** The fields of a PaygentToken.js card token that its check hash `hc` covers. */
export interface PaygentTokenHashFields {
  token: string;
  maskedCardNumber: string;
  validUntil: string;
  fingerprint: string;
}

/**
 * `hc` of a card token: SHA-256 hex of token + masked_card_number + valid_until + fingerprint +
 * トークン受取ハッシュ鍵, in that order (Paygent token spec v1.1.6 §5; its worked example only
 * hashes to the printed value in this order). A merchant server recomputes it to detect tampering.
 */
export function paygentTokenHash(fields: PaygentTokenHashFields, hashKey: string): string {
  return createHash('sha256')
    .update(`${fields.token}${fields.maskedCardNumber}${fields.validUntil}${fields.fingerprint}${hashKey}`, 'utf8')
    .digest('hex');
}

/** Every digit but the last 4 as `*` (`************4242`), as PaygentToken.js and telegram 450 answer. */
export function maskCardNumber(number: string): string {
  return `${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
}
