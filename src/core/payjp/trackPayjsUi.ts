/** What pay.js put on the page during one call, so the kit can take it away again. */
export interface PayjsUi {
  /** Removes the overlays and closes the sub-windows pay.js opened. Safe to call more than once. */
  dispose(): void;
}

// pay.js has no API to close its 3-D Secure screens; these mark what it adds for one.
function isPayjsOverlay(element: Element): boolean {
  if (element.matches('[data-payjp-three-d-secure]')) return true;
  return Array.from(element.querySelectorAll('iframe')).some((frame) => /\/tds\/[^/]+\/start/.test(frame.src));
}

/**
 * Runs `open` (a payjs call) while noting the body elements and windows it creates. Cancelling or
 * unmounting can then leave no iframe or popup behind.
 */
export function trackPayjsUi<T>(open: () => T, doc: Document = document): { result: T; ui: PayjsUi } {
  const before = new Set(Array.from(doc.body.children));
  const view = doc.defaultView;
  const popups: Window[] = [];
  const originalOpen = view?.open;
  if (view && originalOpen) {
    // Only for the synchronous part of the call, where pay.js opens its sub-window.
    view.open = function (this: Window, ...args: Parameters<Window['open']>) {
      const opened = originalOpen.apply(this, args);
      if (opened) popups.push(opened);
      return opened;
    } as Window['open'];
  }
  let result: T;
  try {
    result = open();
  } finally {
    if (view && originalOpen) view.open = originalOpen;
  }
  const added = () => Array.from(doc.body.children).filter((element) => !before.has(element) && isPayjsOverlay(element));
  // Overlays may also appear after an await inside pay.js: look again when disposing.
  const seen = new Set(added());
  return {
    result,
    ui: {
      dispose() {
        for (const element of [...seen, ...added()]) element.remove();
        for (const popup of popups) if (!popup.closed) popup.close();
      },
    },
  };
}
