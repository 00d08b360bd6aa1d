import { expect } from 'vitest';

// The start page writes the signed context into an attribute: read it back as the browser would.
function decodeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The shopper's part of the redirect workflow, from the start URL the handler answered: open the
 * sandbox's start page and press an outcome button. Returns the (unfollowed) completion answer.
 */
export async function passChallenge(startUrl: string, outcome: string): Promise<Response> {
  const page = await fetch(startUrl);
  const html = await page.text();
  expect(page.status, html).toBe(200);
  const context = /name="context" value="([^"]+)"/.exec(html)?.[1];
  expect(context).toBeDefined();
  const id = new URL(startUrl).pathname.split('/')[3] ?? '';
  return fetch(new URL(`/v1/tds/${id}/complete`, startUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ context: decodeHtml(context ?? ''), outcome }).toString(),
    redirect: 'manual',
  });
}
