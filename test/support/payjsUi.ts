// What a test sees of pay.js's UI without any sandbox marker (the kit must not key on one either):
// the visible iframes, and the <body> children that hold them, in every payjsOverlay mode.
import { isHiddenElement } from '../../src/core/payjp/isHiddenElement';

/** Visible iframes in the page (pay.js's helper frames are hidden). */
export function visibleFrames(doc: Document = document): HTMLIFrameElement[] {
  return Array.from(doc.querySelectorAll('iframe')).filter((frame) => !isHiddenElement(frame));
}

/** The `<body>` children that hold a visible iframe: pay.js's overlay, or its container. */
export function payjsOverlays(doc: Document = document): HTMLElement[] {
  return Array.from(doc.body.children).filter((child): child is HTMLElement => visibleFrames(doc).some((frame) => child.contains(frame)));
}

/** The challenge iframe, or an error when none is shown. */
export function challengeFrame(doc: Document = document): HTMLIFrameElement {
  const [frame] = visibleFrames(doc);
  if (!frame) throw new Error('no challenge iframe');
  return frame;
}

/** Test cleanup: takes away whatever overlay a test left open. */
export function removePayjsOverlays(doc: Document = document): void {
  for (const overlay of payjsOverlays(doc)) overlay.remove();
}
