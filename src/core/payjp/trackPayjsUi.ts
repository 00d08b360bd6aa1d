import { isHiddenElement } from './isHiddenElement';
import { isPayjsOrigin } from './payjsOrigins';

/** What pay.js put on the page during one call, so the kit can take it away again. */
export interface PayjsUi {
  /** Removes the overlays and closes the sub-windows pay.js opened. Safe to call more than once. */
  dispose(): void;
  /** `window.open` returned null during the call: the browser blocked pay.js's sub-window. */
  readonly popupBlocked: boolean;
}

// Attributes of a pre-existing container that pay.js may change to show a challenge in it.
const SHOWN_BY = ['style', 'hidden', 'class'] as const;

function framesIn(node: Element): HTMLIFrameElement[] {
  return node instanceof HTMLIFrameElement ? [node] : Array.from(node.querySelectorAll('iframe'));
}

/** The `<body>` child that holds `node`, or null when it is not in the body. */
function topLevel(node: Element, body: HTMLElement): Element | null {
  let current: Element | null = node;
  while (current && current.parentElement !== body) current = current.parentElement;
  return current;
}

// After the call has returned, the app may be adding things too: only pay.js-looking ones are pay.js's.
function looksLikePayjs(node: Element): boolean {
  const frames = framesIn(node);
  return frames.some((frame) => isPayjsOrigin(frame.src)) || (frames.length > 0 && node.matches('[role=dialog],[aria-modal=true],:has([role=dialog],[aria-modal=true])'));
}

/**
 * Runs `open` (a payjs call) while noting what it adds, so cancelling or unmounting can leave no
 * overlay, iframe or popup behind. pay.js's UI is undocumented and carries no marker, so what counts
 * is what appears: `<body>` children added during the call, iframes added inside elements that were
 * already there (a container pay.js made earlier), and, after the call has returned, additions that
 * hold an iframe from PAY.JP or a configured pay.js origin, or a dialog with an iframe. Hidden helper
 * frames (pay.js's API tunnel) are left alone: they are not an overlay and pay.js may reuse them.
 * A `null` from `window.open` during the call marks the popup as blocked.
 */
export function trackPayjsUi<T>(open: () => T, doc: Document = document): { result: T; ui: PayjsUi } {
  const { body } = doc;
  const before = new Set(Array.from(body.children));
  const shown = new Map(Array.from(body.children, (child) => [child, SHOWN_BY.map((name) => [name, child.getAttribute(name)] as const)]));
  const added = new Set<Element>();
  // Subtrees added inside a pre-existing body child, with that child.
  const inside = new Map<Element, Element>();
  let duringCall = true;

  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element) || !node.isConnected) continue;
        const top = topLevel(node, body);
        if (!top) continue;
        if (!before.has(top)) {
          if (top === node && (duringCall || looksLikePayjs(node))) added.add(node);
        } else if (framesIn(node).length > 0 && (duringCall || looksLikePayjs(node))) {
          inside.set(node, top);
        }
      }
    }
  };
  const observer = new MutationObserver(note);
  observer.observe(body, { childList: true, subtree: true });

  const view = doc.defaultView;
  const popups: Window[] = [];
  let popupBlocked = false;
  const originalOpen = view?.open;
  if (view && originalOpen) {
    // Only for the synchronous part of the call, where pay.js opens its sub-window.
    view.open = function (this: Window, ...args: Parameters<Window['open']>) {
      const opened = originalOpen.apply(this, args);
      if (opened) popups.push(opened);
      else popupBlocked = true;
      return opened;
    } as Window['open'];
  }
  let result: T;
  try {
    result = open();
  } finally {
    if (view && originalOpen) view.open = originalOpen;
    note(observer.takeRecords());
    duringCall = false;
  }

  const helper = (element: Element) => element instanceof HTMLIFrameElement && isHiddenElement(element);
  let disposed = false;
  return {
    result,
    ui: {
      get popupBlocked() {
        return popupBlocked;
      },
      dispose() {
        if (disposed) return;
        disposed = true;
        note(observer.takeRecords());
        observer.disconnect();
        for (const element of added) if (!helper(element)) element.remove();
        const containers = new Set<Element>();
        inside.forEach((top, node) => {
          if (framesIn(node).every(helper) && node.isConnected) return;
          node.remove();
          containers.add(top);
        });
        // A container pay.js showed for the challenge goes back to how it was before the call.
        for (const container of containers) {
          for (const [name, value] of shown.get(container) ?? []) {
            if (value === null) container.removeAttribute(name);
            else if (container.getAttribute(name) !== value) container.setAttribute(name, value);
          }
        }
        for (const popup of popups) if (!popup.closed) popup.close();
      },
    },
  };
}
