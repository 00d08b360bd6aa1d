import { ThreeDSecureError } from '../errors';
import { isolateOverlay } from './isolateOverlay';
import type { PayjpInstance, ThreeDSecureDialogOptions } from './payjs';
import { trackPayjsUi, type PayjsUi } from './trackPayjsUi';

/** How the issuer's screen ended, as payjs reported it (only a hint: the backend decides). */
export type ChallengeEnd = { rejected: false } | { rejected: true; error: unknown };

/** The outcome of showing the challenge, possibly after a popup fallback. */
export type ShownChallenge = { kind: 'shown'; workflow: 'iframe' | 'subwindow'; end: ChallengeEnd } | { kind: 'fallback-redirect' };

export interface ShowChallengeOptions {
  resourceId: string;
  workflow: 'iframe' | 'subwindow';
  getPayjp(): Promise<PayjpInstance>;
  /** What replaces a blocked sub-window. @default 'iframe' */
  popupFallback?: 'iframe' | 'redirect' | 'none';
  dialogOptions?: ThreeDSecureDialogOptions;
  /** Asks the backend whether the challenge never started (a silently blocked popup). */
  neverStarted(): Promise<boolean>;
  signal: AbortSignal;
  /** Told when a blocked sub-window is replaced (for monitoring). */
  onFallback?(fallback: 'iframe' | 'redirect' | 'none'): void;
  /** Receives the UI pay.js put up, so an unmount can take it down. */
  track(ui: PayjsUi | null): void;
}

// A sub-window promise that fails this fast, on a challenge that never started, was never shown.
const BLOCKED_WITHIN_MS = 1500;

// pay.js's messages may be Japanese or English.
const BLOCKED_MESSAGE = /pop-?up|block|ポップアップ|ブロック/i;

/** Whether a pay.js rejection says the popup was blocked, whatever its shape: `Error`, `{ code }`, `{ error: { code } }`. */
export function looksBlocked(rejection: unknown): boolean {
  const outer = rejection !== null && typeof rejection === 'object' ? (rejection as { error?: unknown }) : null;
  const inner = outer?.error !== null && typeof outer?.error === 'object' ? outer.error : outer;
  const record = inner as { code?: unknown; message?: unknown } | null;
  return record?.code === 'popup_blocked' || (typeof record?.message === 'string' && BLOCKED_MESSAGE.test(record.message));
}

async function show(open: (payjp: PayjpInstance) => Promise<void>, options: ShowChallengeOptions, overlay = false): Promise<ChallengeEnd> {
  const { signal } = options;
  const payjp = await options.getPayjp();
  signal.throwIfAborted();
  // PAY.JP's overlay is PAY.JP's UI: the kit itself keeps focus and screen readers inside it.
  const isolation = overlay ? isolateOverlay() : null;
  let tracked;
  try {
    tracked = trackPayjsUi(() => open(payjp));
  } catch (error) {
    isolation?.dispose();
    throw error;
  }
  const { result, ui } = tracked;
  if (ui.popupBlocked) {
    // The browser's own signal: pay.js may reject later, or never settle (a rejection is expected).
    result.catch(() => {});
    ui.dispose();
    isolation?.dispose();
    return { rejected: true, error: new ThreeDSecureError('popup_blocked', 'The browser blocked the 3-D Secure sub-window (window.open returned null)') };
  }
  options.track(ui);
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      result.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
    return { rejected: false };
  } catch (error) {
    signal.throwIfAborted();
    return { rejected: true, error };
  } finally {
    ui.dispose();
    isolation?.dispose();
    options.track(null);
  }
}

/**
 * Shows the issuer's screen through payjs for a `tdsr_`, `ch_` or `tok_` id. A blocked sub-window
 * falls back (to the iframe by default, or to the redirect workflow) instead of hanging.
 */
export async function showChallenge(options: ShowChallengeOptions): Promise<ShownChallenge> {
  const { resourceId } = options;
  if (options.workflow === 'iframe') {
    return { kind: 'shown', workflow: 'iframe', end: await show((payjp) => payjp.openThreeDSecureIframe(resourceId), options, true) };
  }
  const opened = Date.now();
  const end = await show((payjp) => payjp.openThreeDSecureDialog(resourceId, options.dialogOptions), options);
  const blocked = end.rejected && (looksBlocked(end.error) || (Date.now() - opened < BLOCKED_WITHIN_MS && (await options.neverStarted())));
  if (!blocked) return { kind: 'shown', workflow: 'subwindow', end };
  const fallback = options.popupFallback ?? 'iframe';
  options.onFallback?.(fallback);
  if (fallback === 'none') throw new ThreeDSecureError('popup_blocked', 'The browser blocked the 3-D Secure sub-window', { cause: end.rejected ? end.error : undefined });
  if (fallback === 'redirect') return { kind: 'fallback-redirect' };
  return { kind: 'shown', workflow: 'iframe', end: await show((payjp) => payjp.openThreeDSecureIframe(resourceId), options, true) };
}
