import { frameUrl, createHelperFrame } from './challengeUrls';
import { CANCELED, COMPLETE, isFromChallenge } from './challengeMessages';
import { MESSAGES, type ChallengeText } from './challengeText';
import { CONFIG } from './config';
import { BACKDROP_STYLE, createChallengePanel, createContainer, type InstanceShared } from './overlay';
import { payjsError } from './rejection';

// The challenge on show, page-wide: pay.js shows one at a time.
let openOverlay: HTMLElement | null = null;

/** openThreeDSecureIframe: the challenge in a modal overlay (payjsOverlay says where it lives). */
export function openIframe(publicKey: string, id: unknown, text: ChallengeText, shared: InstanceShared, forToken: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (typeof id !== 'string' || id === '') {
      reject(payjsError('invalid_id', MESSAGES.invalidId, forToken));
      return;
    }
    if (openOverlay) {
      reject(payjsError('in_progress', MESSAGES.inProgress, forToken));
      return;
    }
    const previousFocus = document.activeElement as HTMLElement | null;
    const inContainer = CONFIG.payjsOverlay === 'container';
    if (inContainer && (!shared.container || !shared.container.isConnected)) shared.container = createContainer();
    const overlay = inContainer && shared.container ? shared.container : document.createElement('div');
    if (!inContainer) overlay.style.cssText = `${BACKDROP_STYLE};display:flex`;
    const { panel, close, frame } = createChallengePanel(text.title, text.close, frameUrl(publicKey, id));
    overlay.appendChild(panel);

    let settled = false;
    let helper: HTMLIFrameElement | null = null;
    const cancel = () => settle(payjsError('canceled', MESSAGES.canceled, forToken));
    // A page (or a kit) may take the challenge away: that is a close, and nothing may stay behind.
    const removal =
      typeof MutationObserver === 'function'
        ? new MutationObserver(() => {
            if (!frame.isConnected) cancel();
          })
        : null;
    const onMessage = (event: MessageEvent) => {
      if (!isFromChallenge(event, id, frame.contentWindow)) return;
      if (event.data.type === COMPLETE) settle(null);
      else if (event.data.type === CANCELED) cancel();
    };
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      cancel();
    };
    function settle(error: unknown): void {
      if (settled) return;
      settled = true;
      removal?.disconnect();
      window.removeEventListener('message', onMessage);
      overlay.removeEventListener('keydown', onKeydown);
      close.removeEventListener('click', cancel);
      if (inContainer) {
        panel.remove();
        overlay.style.display = 'none';
      } else {
        overlay.remove();
      }
      helper?.remove();
      openOverlay = null;
      if (previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus();
      if (error === null) resolve();
      else reject(error);
    }
    window.addEventListener('message', onMessage);
    overlay.addEventListener('keydown', onKeydown);
    close.addEventListener('click', cancel);
    openOverlay = overlay;
    if (inContainer) overlay.style.display = 'flex';
    else document.body.appendChild(overlay);
    if (CONFIG.payjsHelperFrames) helper = createHelperFrame('position:absolute;width:0;height:0;border:0');
    removal?.observe(document.body, { childList: true, subtree: true });
    frame.focus();
  });
}
