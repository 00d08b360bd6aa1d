import { isHiddenElement } from './isHiddenElement';
import { isPayjsOrigin } from './payjsOrigins';

/** Undoes {@link isolateOverlay}. */
export interface OverlayIsolation {
  /** Restores the page's `inert` / `aria-hidden` state and returns focus. Safe to call more than once. */
  dispose(): void;
}

/**
 * While a payjs challenge is on the page, makes every other `<body>` child `inert` and
 * `aria-hidden`, so keyboard and screen-reader users stay inside PAY.JP's UI, whose own focus
 * handling the kit cannot rely on. Call it just before payjs opens the challenge.
 *
 * pay.js's DOM is undocumented, so the challenge is identified positively: a visible iframe added
 * anywhere in the body after this call (a new body child, or inside a container pay.js made
 * earlier), also after an await inside pay.js. Hidden helper frames (pay.js's API tunnel) are not a
 * challenge. A body child that holds the challenge, or any visible iframe from PAY.JP or a
 * configured pay.js origin, is never made inert. `dispose` restores exactly the previous state and
 * returns focus to the element that had it, or (when a busy button disabled itself and focus fell
 * to the body) to that button once it is enabled.
 */
export function isolateOverlay(doc: Document = document): OverlayIsolation {
  const { body } = doc;
  const framesBefore = new Set(Array.from(body.querySelectorAll('iframe')));
  const active = doc.activeElement;
  const target = (active !== body && active) || doc.querySelector<HTMLElement>('button[aria-busy=true]');
  // Each element made inert, with its previous `inert` and `aria-hidden`.
  const saved = new Map<Element, [boolean, string | null]>();
  let done = false;

  const restoreOne = (element: Element) => {
    const previous = saved.get(element);
    if (!previous) return;
    const [inert, hidden] = previous;
    if (!inert) element.removeAttribute('inert');
    if (hidden === null) element.removeAttribute('aria-hidden');
    else element.setAttribute('aria-hidden', hidden);
    saved.delete(element);
  };
  const restore = () => [...saved.keys()].forEach(restoreOne);

  const update = () => {
    const visible = Array.from(body.querySelectorAll('iframe')).filter((frame) => !isHiddenElement(frame));
    const challenges = visible.filter((frame) => !framesBefore.has(frame));
    // No challenge (not yet, or not any more): nothing to isolate.
    if (!challenges.length) return restore();
    const keep = [...challenges, ...visible.filter((frame) => isPayjsOrigin(frame.src))];
    for (const element of Array.from(body.children)) {
      if (keep.some((frame) => element.contains(frame))) {
        restoreOne(element);
        continue;
      }
      if (saved.has(element)) continue;
      saved.set(element, [element.hasAttribute('inert'), element.getAttribute('aria-hidden')]);
      element.setAttribute('inert', '');
      element.setAttribute('aria-hidden', 'true');
    }
  };
  const observer = new MutationObserver(update);
  // Attributes too: pay.js may show a container it made earlier by changing its style.
  observer.observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'hidden', 'class'] });

  return {
    dispose() {
      if (done) return;
      done = true;
      observer.disconnect();
      restore();
      if (!target) return;
      // Focus it now, or once it is enabled again, unless focus went elsewhere meanwhile.
      const focus = () => {
        const now = doc.activeElement;
        if (!target.isConnected || (now && now !== body && now !== target)) return true;
        (target as HTMLElement).focus();
        return doc.activeElement === target;
      };
      if (focus()) return;
      const watch = new MutationObserver(() => focus() && watch.disconnect());
      watch.observe(target, { attributes: true });
    },
  };
}
