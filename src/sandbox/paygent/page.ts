import type { ServerResponse } from 'node:http';
import { html, renderSandboxPage, type SafeHtml } from '../html';
import { sendHtml } from '../http';

/** Banner shown on every Paygent stand-in page, so nobody mistakes it for an issuer's page. */
export const SANDBOX_BANNER = 'サンドボックス (Sandbox) — 本物のカード会社の画面ではありません';

const STYLE = html`<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f7;color:#1d1d1f}
.banner{background:#8a4b00;color:#fff;padding:.6rem 1rem;font-weight:600;text-align:center}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{font-weight:600}
.outcomes{display:grid;gap:.5rem;margin-top:1rem}
button{font:inherit;padding:.6rem;border-radius:.375rem;border:1px solid #888;background:#fff;cursor:pointer}
button[data-outcome="pass"]{background:#0a5c2e;color:#fff;border-color:#0a5c2e}
button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
</style>`;

/** A complete page of the Paygent stand-in (Japanese, with the sandbox banner). */
export function renderPage(title: string, content: SafeHtml): SafeHtml {
  return renderSandboxPage({ title, banner: SANDBOX_BANNER, style: STYLE, content });
}

/** Sends an error page: a heading and one explanatory paragraph. */
export function sendErrorPage(res: ServerResponse, status: number, heading: string, text: string, headers?: Record<string, string>): void {
  sendHtml(res, status, renderPage(heading, html`<h1>${heading}</h1>\n<p>${text}</p>`), headers);
}
