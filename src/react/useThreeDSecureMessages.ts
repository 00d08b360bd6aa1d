'use client';
import { useMemo } from 'react';
import type { ThreeDSecureError } from '../core/errors';
import { getErrorMessage, getMessage, type Locale, type MessageKey } from '../core/messages';
import { useOptionalThreeDSecureContext } from './ThreeDSecureContext';

/** The kit's texts in the provider's language, with its `messages` overrides. */
export interface ThreeDSecureMessages {
  /** The provider's language ('ja' outside one). */
  locale: Locale;
  /** A shopper-facing text. */
  t(key: MessageKey): string;
  /** The shopper-facing text for an error. */
  errorMessage(error: ThreeDSecureError): string;
}

/**
 * The texts, on their own hook so that code which brings its own texts never carries the catalog.
 * Outside a provider: Japanese, no overrides.
 */
export function useThreeDSecureMessages(): ThreeDSecureMessages {
  const context = useOptionalThreeDSecureContext();
  const locale = context?.locale ?? 'ja';
  const overrides = context?.messages;
  return useMemo(
    () => ({
      locale,
      t: (key: MessageKey) => getMessage(key, locale, overrides),
      errorMessage: (error: ThreeDSecureError) => getErrorMessage(error, locale, overrides),
    }),
    [locale, overrides],
  );
}
