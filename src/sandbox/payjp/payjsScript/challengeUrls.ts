import { CONFIG, sandboxOrigin } from './config';
import type { Workflow } from './defaults';

const FRAME_PATH = '/payjs/v2/three-d-secure-frame';
const TUNNEL_PATH = '/payjs/v2/apitunnel.html';

function startQuery(publicKey: string, workflow: Workflow): string {
  return `?publickey=${encodeURIComponent(publicKey)}&workflow=${workflow}&origin=${encodeURIComponent(window.location.origin)}`;
}

/** The API's start page of a challenge. */
export function startUrl(publicKey: string, id: string, workflow: Workflow): string {
  return `${sandboxOrigin}/v1/tds/${encodeURIComponent(id)}/start${startQuery(publicKey, workflow)}`;
}

/** The iframe's src: the API's start page, or (foreign-frame) a hosted frame on another path. */
export function frameUrl(publicKey: string, id: string): string {
  if (CONFIG.payjsOverlay !== 'foreign-frame') return startUrl(publicKey, id, 'iframe');
  return `${sandboxOrigin}${FRAME_PATH}${startQuery(publicKey, 'iframe')}&id=${encodeURIComponent(id)}`;
}

/** A hidden helper iframe, as real pay.js keeps an API tunnel frame on the page. */
export function createHelperFrame(style: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = sandboxOrigin + TUNNEL_PATH;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = style;
  document.body.appendChild(frame);
  return frame;
}
