import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody } from './http';

/** Answers a sandbox page request with an error page (status, a code for tests, a heading and a sentence). */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly heading: string,
    readonly text: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(heading);
  }
}

/** The 405 of a page path asked with another method. */
export function wrongMethod(allow: readonly string[]): PageError {
  return new PageError(405, 'not_allowed_method', '許可されていないメソッドです', `この URL は ${allow.join(', ')} のみ受け付けます。`, { Allow: allow.join(', ') });
}

/** The form a page posted; 413 as a page when it is too large. */
export async function readPageForm(req: IncomingMessage): Promise<URLSearchParams> {
  try {
    return new URLSearchParams((await readBody(req)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new PageError(413, 'too_large', 'リクエストが大きすぎます', '送信されたデータが大きすぎます。');
    throw error;
  }
}
