/** A string that is already safe HTML. Only {@link html} and trusted constants create it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes every interpolated value unless it is {@link SafeHtml}
 * (arrays are rendered item by item), so pages cannot be built from unescaped input by accident.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Formats a yen amount as `¥1,100` without depending on ICU data. */
export function formatYen(amount: number): string {
  return `¥${String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/**
 * A complete sandbox page: Japanese, not indexed, with the banner that says it is no real issuer, and an
 * empty icon so the browser asks the host for no /favicon.ico (a 404 in every console).
 * Each stand-in brings its own style and, where it needs one, a script.
 */
export function renderSandboxPage(page: { title: string; banner: string; style: SafeHtml; content: SafeHtml; script?: SafeHtml | null }): SafeHtml {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${page.title}</title>
${page.style}
</head>
<body>
<header class="banner">${page.banner}</header>
<main>
${page.content}
</main>
${page.script ?? null}
</body>
</html>
`;
}
