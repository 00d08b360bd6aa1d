/** Undoes {@link isolateOverlay}. */
export interface OverlayIsolation {
  /** Restores the page's `inert` / `aria-hidden` state and returns focus. Safe to call more than once. */
  dispose(): void;
}

/**
 * While a payjs overlay is on the page, makes every other `<body>` child `inert` and `aria-hidden`,
 * so keyboard and screen-reader users stay inside PAY.JP's UI, whose own focus handling the kit
 * cannot rely on. Call it just before payjs opens the overlay: the overlay is a `<body>` child added
 * afterwards that is a dialog or holds an iframe, also when it comes after an await inside pay.js.
 * `dispose` restores exactly the previous state and returns focus to the element that had it, or
 * (when a busy button disabled itself and focus fell to the body) to that button once it is enabled.
 */
export function isolateOverlay(doc: Document = document): OverlayIsolation {
  const { body } = doc;
  const before = new Set(body.children);
  const active = doc.activeElement;
  const target = (active !== body && active) || doc.querySelector<HTMLElement>('button[aria-busy=true]');
  // Each element made inert, with its previous `inert` and `aria-hidden`.
  const saved = new Map<Element, [boolean, string | null]>();
  let done = false;

  const restore = () => {
    saved.forEach(([inert, hidden], element) => {
      if (!inert) element.removeAttribute('inert');
      if (hidden === null) element.removeAttribute('aria-hidden');
      else element.setAttribute('aria-hidden', hidden);
    });
    saved.clear();
  };

  const observer = new MutationObserver(() => {
    const children = [...body.children];
    const overlays = children.filter((element) => !before.has(element) && element.matches('[role=dialog],iframe,:has(iframe)'));
    // No overlay (not yet, or not any more): nothing to isolate.
    if (!overlays.length) return restore();
    for (const element of children) {
      if (overlays.includes(element) || saved.has(element)) continue;
      saved.set(element, [element.hasAttribute('inert'), element.getAttribute('aria-hidden')]);
      element.setAttribute('inert', '');
      element.setAttribute('aria-hidden', 'true');
    }
  });
  observer.observe(body, { childList: true });

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
