import { CANCELED, COMPLETE, isFromChallenge } from './challengeMessages';
import { MESSAGES } from './challengeText';
import { startUrl } from './challengeUrls';
import { CONFIG } from './config';
import { payjsError } from './rejection';

const POLL_MS = 250;

/** openThreeDSecureDialog's second argument: a timeout, or `{ timeout?, windowFeatures? }`. */
export type DialogOptions = number | { timeout?: unknown; windowFeatures?: WindowFeatures } | null | undefined;

/** The sub-window's placement (`windowFeatures`). */
export interface WindowFeatures {
  width?: unknown;
  height?: unknown;
  left?: unknown;
  top?: unknown;
  popup?: unknown;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function featureString(features: WindowFeatures): string {
  const width = numberOr(features.width, 480);
  const height = numberOr(features.height, 640);
  const left = numberOr(features.left, Math.max(0, Math.round((window.screenX || 0) + ((window.outerWidth || width) - width) / 2)));
  const top = numberOr(features.top, Math.max(0, Math.round((window.screenY || 0) + ((window.outerHeight || height) - height) / 2)));
  const parts = [`width=${width}`, `height=${height}`, `left=${left}`, `top=${top}`];
  if (features.popup !== false) parts.unshift('popup=yes');
  return parts.join(',');
}

/** openThreeDSecureDialog: resolves, rejects, or (popupBlocking 'null-window', documented) never settles when blocked. */
export function openDialog(publicKey: string, id: unknown, options: DialogOptions, forToken: boolean): Promise<void> {
  const timeout = typeof options === 'number' ? options : options && typeof options.timeout === 'number' ? options.timeout : 0;
  const features = options && typeof options === 'object' && options.windowFeatures ? options.windowFeatures : {};
  return new Promise<void>((resolve, reject) => {
    if (typeof id !== 'string' || id === '') {
      reject(payjsError('invalid_id', MESSAGES.invalidId, forToken));
      return;
    }
    const popup = window.open(startUrl(publicKey, id, 'subwindow'), 'payjp-3ds', featureString(features));
    if (!popup) {
      // Sandbox choices (PAY.JP does not document this): reject at once, or leave the promise
      // pending, so the page has only window.open's null to go by (createToken always reports it).
      if (CONFIG.popupBlocking === 'reject' || forToken) reject(payjsError('popup_blocked', MESSAGES.popupBlocked, forToken));
      return;
    }
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onMessage = (event: MessageEvent) => {
      if (!isFromChallenge(event, id, popup)) return;
      if (event.data.type === COMPLETE) settle(null);
      else if (event.data.type === CANCELED) settle(payjsError('canceled', MESSAGES.canceled, forToken));
    };
    function settle(error: unknown): void {
      if (settled) return;
      settled = true;
      window.removeEventListener('message', onMessage);
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
      if (error === null) resolve();
      else reject(error);
    }
    window.addEventListener('message', onMessage);
    const poll = setInterval(() => {
      if (popup.closed) settle(payjsError('canceled', MESSAGES.canceled, forToken));
    }, POLL_MS);
    if (timeout > 0) {
      timer = setTimeout(() => {
        settle(payjsError('timeout', MESSAGES.timeout, forToken));
        if (!popup.closed) popup.close();
      }, timeout);
    }
  });
}
