import { RouteError } from '../routeError';
import type { ResolvedCharge } from '../types';
import { OWNER_KEY } from './loadOwnedCharge';

/** PAY.JP's JPY amount range. */
const MIN_AMOUNT = 50;
const MAX_AMOUNT = 9_999_999;

function misconfigured(message: string): RouteError {
  return new RouteError(500, 'misconfigured', `resolveCharge: ${message}`);
}

/**
 * Checks what the app's `resolveCharge` returned. A bad value is the app's bug, not the
 * shopper's: 500 `misconfigured` (reported to onError), before anything reaches PAY.JP.
 */
export function readResolvedCharge(value: unknown): Required<Pick<ResolvedCharge, 'amount' | 'metadata'>> & Pick<ResolvedCharge, 'description' | 'orderKey'> {
  if (typeof value !== 'object' || value === null) throw misconfigured('must return { amount, … } or null');
  const { amount, currency, description, metadata, orderKey } = value as Record<string, unknown>;
  if (orderKey !== undefined && (typeof orderKey !== 'string' || orderKey.length === 0 || orderKey.length > 500)) {
    throw misconfigured('orderKey must be a string of 1 to 500 characters');
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
    throw misconfigured(`amount must be an integer number of yen from ${MIN_AMOUNT} to ${MAX_AMOUNT}`);
  }
  if (currency !== undefined && currency !== 'jpy') throw misconfigured("currency must be 'jpy'");
  if (description !== undefined && (typeof description !== 'string' || description.length > 255)) {
    throw misconfigured('description must be a string of at most 255 characters');
  }
  const entries = metadata === undefined ? [] : typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? Object.entries(metadata) : null;
  // PAY.JP allows 20 keys; one is the handler's ownership marker.
  if (entries === null || entries.length > 19) throw misconfigured('metadata must be an object of at most 19 string values');
  for (const [key, item] of entries) {
    if (key === OWNER_KEY) throw misconfigured(`metadata.${OWNER_KEY} is the handler's ownership marker`);
    if (key.length === 0 || key.length > 40 || typeof item !== 'string' || item.length > 500) {
      throw misconfigured('metadata keys must be 1-40 characters and values strings of at most 500 characters');
    }
  }
  return {
    amount,
    metadata: Object.fromEntries(entries) as Record<string, string>,
    ...(description === undefined ? {} : { description }),
    ...(orderKey === undefined ? {} : { orderKey }),
  };
}
