import { createHash } from 'node:crypto';
import { cardError, invalidParam, missingParam, type PayjpApiError } from './errors';
import { newId, unixSeconds } from './ids';
import { PAYJP_SANDBOX_TDS_CARDS, type ThreeDSecureStatus } from './outcomes';
import type { CardRecord, ChargeDecline } from './store';
import { cardBrandOf } from '../../core/card/cardBrand';
import { luhn } from '../../core/card/luhn';

/**
 * PAY.JP's documented test card numbers that fail at token creation, with the error code
 * (`402 card_error`). Numbers that fail only at charge time are accepted here.
 */
export const PAYJP_TOKEN_ERROR_CARDS: Readonly<Record<string, string>> = {
  '4000000000000002': 'card_declined',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'invalid_cvc',
  '4000000000000119': 'processing_error',
};

/**
 * PAY.JP's documented test numbers that tokenise fine but fail when charged (402 `card_error`, at
 * `POST /v1/charges`, or at `tds_finish` for a 3-D Secure charge).
 */
export const PAYJP_CHARGE_ERROR_CARDS: Readonly<Record<string, ChargeDecline>> = {
  '4000000000080319': 'card_declined',
  '4000000000004012': 'expired_card',
  '4000000000080202': 'card_declined_over_10000',
};

const ERROR_MESSAGES: Record<string, string> = {
  card_declined: 'Card declined.',
  expired_card: 'Card expired.',
  invalid_cvc: 'Your card security code is invalid.',
  processing_error: 'Processing error occurred.',
};

/** The `card[…]` fields of `POST /v1/tokens`. */
export const CARD_FIELDS = [
  'number',
  'exp_month',
  'exp_year',
  'cvc',
  'name',
  'email',
  'phone',
  'address_state',
  'address_city',
  'address_line1',
  'address_line2',
  'address_zip',
  'country',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

function optionalText(params: URLSearchParams, field: string, max = 255): string | null {
  const value = params.get(`card[${field}]`);
  if (value === null || value === '') return null;
  if (value.length > max) throw invalidParam(`card[${field}]`, `card[${field}] must be at most ${max} characters.`, 'invalid_string_length');
  return value;
}

/** Validates the `card[…]` fields and creates the card (not yet attached to a customer). */
export function createCard(params: URLSearchParams, nowMs: number): CardRecord {
  const number = params.get('card[number]') ?? '';
  if (!number) throw missingParam('card[number]');
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) throw cardError('invalid_number', 'Your card number is invalid.', 'card[number]');
  const brand = cardBrandOf(number);
  if (!brand) throw cardError('unacceptable_brand', 'This card brand is not accepted.', 'card[number]');

  const monthText = params.get('card[exp_month]') ?? '';
  if (!monthText) throw missingParam('card[exp_month]');
  const expMonth = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
  if (!(expMonth >= 1 && expMonth <= 12)) throw cardError('invalid_expiry_month', 'Invalid expiration month.', 'card[exp_month]');
  const yearText = params.get('card[exp_year]') ?? '';
  if (!yearText) throw missingParam('card[exp_year]');
  if (!/^(\d{2}|\d{4})$/.test(yearText)) throw cardError('invalid_expiry_year', 'Invalid expiration year.', 'card[exp_year]');
  const expYear = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const today = new Date(nowMs);
  if (expYear * 12 + expMonth < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1) {
    throw cardError('invalid_expiration_date', 'Invalid expiration date.', 'card[exp_year]');
  }

  const cvc = params.get('card[cvc]');
  if (cvc !== null && cvc !== '' && !(brand === 'American Express' ? /^\d{4}$/ : /^\d{3}$/).test(cvc)) {
    throw cardError('invalid_cvc', 'Your card security code is invalid.', 'card[cvc]');
  }
  const email = optionalText(params, 'email');
  if (email !== null && !EMAIL.test(email)) throw invalidParam('card[email]', 'Invalid email address.', 'invalid_email');
  const phone = optionalText(params, 'phone', 16);
  if (phone !== null && !E164.test(phone)) throw invalidParam('card[phone]', 'card[phone] must be in E.164 format (e.g. +819012345678).');

  const declined = PAYJP_TOKEN_ERROR_CARDS[number];
  if (declined) throw cardError(declined, ERROR_MESSAGES[declined] ?? 'Card error.');

  return {
    id: newId('car'),
    customerId: null,
    brand,
    last4: number.slice(-4),
    expMonth,
    expYear,
    name: optionalText(params, 'name'),
    email,
    phone,
    address: {
      state: optionalText(params, 'address_state'),
      city: optionalText(params, 'address_city'),
      line1: optionalText(params, 'address_line1'),
      line2: optionalText(params, 'address_line2'),
      zip: optionalText(params, 'address_zip', 16),
    },
    country: optionalText(params, 'country', 2),
    cvcChecked: cvc !== null && cvc !== '',
    fingerprint: createHash('sha256').update(number).digest('hex').slice(0, 32),
    created: nowMs,
    tds: PAYJP_SANDBOX_TDS_CARDS[number] ?? 'challenge',
    chargeDecline: PAYJP_CHARGE_ERROR_CARDS[number] ?? null,
    threeDSecureStatus: null,
  };
}

/** The 402 a charge on `card` for `amount` gets, or null when the (sandbox) issuer accepts it. */
export function chargeDeclineOf(card: CardRecord, amount: number): PayjpApiError | null {
  const code = card.chargeDecline === 'card_declined_over_10000' ? (amount > 10_000 ? 'card_declined' : null) : card.chargeDecline;
  return code === null ? null : cardError(code, ERROR_MESSAGES[code] ?? 'Card error.');
}

/**
 * The card object as PAY.JP answers it. `threeDSecureStatus` overrides the stored status (a token
 * whose 3-D Secure is still open reads its flow's status).
 */
export function cardObject(card: CardRecord, threeDSecureStatus: ThreeDSecureStatus | null = card.threeDSecureStatus) {
  return {
    id: card.id,
    object: 'card' as const,
    address_city: card.address.city,
    address_line1: card.address.line1,
    address_line2: card.address.line2,
    address_state: card.address.state,
    address_zip: card.address.zip,
    address_zip_check: 'unchecked',
    brand: card.brand,
    country: card.country,
    created: unixSeconds(card.created),
    customer: card.customerId,
    cvc_check: card.cvcChecked ? 'passed' : 'unchecked',
    exp_month: card.expMonth,
    exp_year: card.expYear,
    fingerprint: card.fingerprint,
    last4: card.last4,
    livemode: false,
    metadata: {},
    name: card.name,
    three_d_secure_status: threeDSecureStatus,
    email: card.email,
    phone: card.phone,
  };
}
