'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseAcsHtml } from '../core/acs/parseAcsHtml';
import { submitParsedForm } from '../core/acs/submitAcsForm';
import type { ParsedAcsForm } from '../core/acs/types';
import { toThreeDSecureError, type ThreeDSecureError } from '../core/errors';
import { ACS_MESSAGES, type AcsMessageKey } from '../core/acs/messages';
import type { Locale } from '../core/messages';
import { rootClass } from './internal/partClass';
import { useLatest } from './internal/useLatest';
import { createClientRegistry, type ClientRegistry } from '../core/client/createClientRegistry';
import { useOptionalThreeDSecureContext } from './ThreeDSecureContext';

export interface AcsFormAutoSubmitProps {
  /** `out_acs_html` from the purchase answer. It is parsed, never injected: its scripts never run. */
  html: string;
  /**
   * Origins the form may post to (the 3-D Secure server's). https is required unless a loopback origin is listed here.
   * Only the first hop is checked: a page CSP `form-action` with the same origins pins the redirect chain.
   */
  allowedActionOrigins?: string[];
  /** A named frame to submit into. @default the current page */
  target?: string;
  /** Submit as soon as it mounts. With false, only the button submits. @default true */
  autoSubmit?: boolean;
  /** How long the manual button stays disabled after the automatic submission. @default 3000 */
  fallbackDelayMs?: number;
  /**
   * Identifies this hand-off: one key is submitted automatically once per client (per page outside a
   * provider), across re-renders and remounts. @default html
   */
  submissionKey?: string;
  /** Language when used outside a ThreeDSecureProvider. @default the provider's, else 'ja' */
  locale?: Locale;
  /** Called right after each submission. */
  onSubmit?(form: ParsedAcsForm): void;
  /** Called once when the HTML cannot be used (`acs_html_invalid`, `acs_action_not_allowed`, …). */
  onError?(error: ThreeDSecureError): void;
  /** Your class on the root, after the kit's own (`r3k-root` and the component's part, styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

// Outside a provider there is no client to remember hand-offs, so the page does: StrictMode,
// re-renders and remounts must not post twice. Under a provider the client's registry does it.
let pageRegistry: ClientRegistry | undefined;

type Parsed = { form: ParsedAcsForm; error?: undefined } | { form?: undefined; error: ThreeDSecureError } | null;

function parse(html: string, allowedActionOrigins: string[] | undefined): Parsed {
  if (typeof DOMParser === 'undefined') return null; // server rendering: parsed after hydration
  try {
    return { form: parseAcsHtml(html, allowedActionOrigins ? { allowedActionOrigins } : {}) };
  } catch (error) {
    return { error: toThreeDSecureError(error, 'acs_html_invalid') };
  }
}

/**
 * Hands the shopper to the 3-D Secure server: keeps only the ACS form's fields, rebuilds the form
 * and submits it exactly once, with a status message and a manual button as a fallback.
 */
export function AcsFormAutoSubmit({
  html,
  allowedActionOrigins,
  target,
  autoSubmit = true,
  fallbackDelayMs = 3000,
  submissionKey,
  locale,
  onSubmit,
  onError,
  className,
}: AcsFormAutoSubmitProps) {
  const context = useOptionalThreeDSecureContext();
  const registry = context?.client.registry ?? (pageRegistry ??= createClientRegistry());
  const language = locale ?? context?.locale ?? 'ja';
  // The provider's overrides apply in the provider's language; only this component's texts ship with it.
  const overrides = locale ? undefined : context?.messages;
  const t = (key: AcsMessageKey) => overrides?.[language]?.[key] ?? ACS_MESSAGES[language][key];
  const originsKey = allowedActionOrigins?.join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the origins are compared by value
  const parsed = useMemo(() => parse(html, allowedActionOrigins), [html, originsKey]);
  const key = submissionKey ?? html;
  const [manualReady, setManualReady] = useState(!autoSubmit);
  const callbacks = useLatest({ onSubmit, onError });
  // StrictMode runs effects twice: report one refused HTML once, not once per effect run.
  const reportedError = useRef<ThreeDSecureError | null>(null);

  useEffect(() => {
    if (!parsed) return;
    if (parsed.error) {
      if (reportedError.current !== parsed.error) {
        reportedError.current = parsed.error;
        callbacks.current.onError?.(parsed.error);
      }
      return;
    }
    if (!autoSubmit) return;
    let failed = false;
    if (registry.claimHandOff(key)) {
      try {
        submitParsedForm(parsed.form, target);
        callbacks.current.onSubmit?.(parsed.form);
      } catch (error) {
        failed = true;
        callbacks.current.onError?.(toThreeDSecureError(error, 'acs_html_invalid'));
      }
    }
    // The button turns usable at once when the automatic submission failed, else after a grace period.
    const timer = setTimeout(() => setManualReady(true), failed ? 0 : fallbackDelayMs);
    return () => clearTimeout(timer);
  }, [parsed, key, autoSubmit, target, fallbackDelayMs, callbacks, registry]);

  if (parsed?.error) {
    // Parsing ends in acs_html_invalid, acs_action_not_allowed or misconfigured (a bad allow-list).
    const message = t(parsed.error.code as AcsMessageKey);
    return (
      <div className={rootClass('r3k-acs r3k-alert', className)} data-state="error" data-error-code={parsed.error.code} role="alert">
        {message}
      </div>
    );
  }

  const submitManually = () => {
    if (!parsed?.form) return;
    submitParsedForm(parsed.form, target);
    onSubmit?.(parsed.form);
  };

  return (
    <div className={rootClass('r3k-acs', className)} data-state={autoSubmit ? 'redirecting' : 'ready'}>
      <p className="r3k-status" role="status" aria-live="polite">
        {t('acs.redirecting')}
      </p>
      <p className="r3k-hint">{t('acs.manualHint')}</p>
      <button type="button" className="r3k-button" onClick={submitManually} disabled={!parsed?.form || !manualReady}>
        {t('acs.manualSubmit')}
      </button>
    </div>
  );
}
