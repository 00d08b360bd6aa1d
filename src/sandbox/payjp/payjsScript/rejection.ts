import { CONFIG } from './config';

/** A code and message, as createToken reports an opener's failure. */
export interface CodedMessage {
  code: string;
  message: string;
}

/** What openThreeDSecureIframe / Dialog reject with, in the configured shape (payjsRejection). */
export function payjsError(code: string, message: string, forToken: boolean): unknown {
  // createToken turns its own openers' failures into { error: { code, message } } (see createToken).
  if (forToken) return { code, message };
  if (CONFIG.payjsRejection === 'undefined') return undefined;
  if (CONFIG.payjsRejection === 'object') return { code, message };
  if (CONFIG.payjsRejection === 'nested') return { error: { code, message } };
  return Object.assign(new Error(message), { code });
}

function fieldOf(record: unknown, name: 'code' | 'message'): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const value = (record as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a code and message back from any rejection shape (for createToken's { error }). */
export function readRejection(rejection: unknown, fallbackCode: string, fallbackMessage: string): CodedMessage {
  const nested = rejection && typeof rejection === 'object' ? (rejection as { error?: unknown }).error : undefined;
  const record = nested ? nested : rejection;
  return { code: fieldOf(record, 'code') ?? fallbackCode, message: fieldOf(record, 'message') ?? fallbackMessage };
}
