function zero(value: string): boolean {
  return /^0(\.0+)?(px)?$/.test(value.trim());
}

/**
 * Whether `element` cannot be seen: itself or an ancestor (up to `<body>`) is `hidden` or
 * `display: none`, or it is `visibility: hidden` or zero-sized by its own style. pay.js's helper
 * frames (its API tunnel) are such elements; a challenge never is.
 */
export function isHiddenElement(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return true;
  const own = view.getComputedStyle(element);
  if (own.visibility === 'hidden' || zero(own.width) || zero(own.height)) return true;
  for (let node: Element | null = element; node && node !== element.ownerDocument.body; node = node.parentElement) {
    if ((node as HTMLElement).hidden || view.getComputedStyle(node).display === 'none') return true;
  }
  return false;
}
