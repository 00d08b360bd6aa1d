import type { FrameInfo } from './pageScript';
import { classified, notObservable } from './rows';
import type { UnknownRow } from './types';

/** What the page showed around `openThreeDSecureIframe`. */
export interface OverlayObservation {
  /** The visible iframe that appeared during the call, if any. */
  challenge: FrameInfo | null;
  /** Ids of the <body> children just before the call. */
  bodyChildrenBefore: number[];
  /** Origin and path of PAY.JP's start page for the object (`…/v1/tds/{id}/start`). */
  startPage: string;
  /** Iframes that appeared from loading pay.js up to just before the call (none are the shop's). */
  framesBeforeCall: number;
  /** Hidden iframes that appeared during the call. */
  hiddenFramesDuringCall: number;
}

function originAndPath(src: string): string {
  try {
    const url = new URL(src);
    return `${url.origin}${url.pathname}`;
  } catch {
    return src;
  }
}

/** `payjsOverlay`: a fresh <body> child with the start page, with another page, or a container made earlier. */
export function classifyOverlay(seen: OverlayObservation): UnknownRow {
  const frame = seen.challenge;
  if (!frame) return notObservable('payjsOverlay', 'no visible iframe appeared after openThreeDSecureIframe');
  const where = originAndPath(frame.src);
  if (frame.bodyChild !== null && seen.bodyChildrenBefore.includes(frame.bodyChild)) {
    return classified('payjsOverlay', `iframe ${where} inside a <body> child made before the call`, 'container');
  }
  if (frame.bodyChild === null) return classified('payjsOverlay', `iframe ${where} outside <body>'s children`, null);
  const same = where === seen.startPage;
  return classified('payjsOverlay', `new <body> child; iframe ${same ? "is PAY.JP's start page" : `from ${where}`}`, same ? 'body-child' : 'foreign-frame');
}

/** `payjsHelperFrames`: hidden iframes pay.js adds before or during a call. */
export function classifyHelperFrames(seen: OverlayObservation): UnknownRow {
  const count = seen.framesBeforeCall + seen.hiddenFramesDuringCall;
  return classified('payjsHelperFrames', `${seen.framesBeforeCall} iframe(s) after Payjp(), ${seen.hiddenFramesDuringCall} hidden one(s) during the call`, count > 0 ? 'true' : 'false');
}
