/**
 * The class names `react-3ds-kit/styles.css` styles a component by: `r3k-root` plus the
 * component's own part, then the app's `className`. Without the stylesheet they do nothing.
 */
export function rootClass(part: string, className: string | undefined): string {
  return className ? `r3k-root ${part} ${className}` : `r3k-root ${part}`;
}
