import type { PayjpInstance } from '../core/payjp/payjs';
import { SANDBOX_PAYJP_PUBLIC_KEY } from '../sandbox/payjp/options';
import { isPayjpChallengeOutcome, type PayjpChallengeOutcome } from '../sandbox/payjp/outcomes';
import { TestingHelperError } from './TestingHelperError';
import type { FetchHandler } from './toFetchHandler';

/** Options of {@link createInMemoryPayjs}. */
export interface InMemoryPayjsOptions {
  /** Serves the sandbox's requests: `toFetchHandler(sandbox.handler)`, or `fetch` to a running one. */
  fetch: FetchHandler;
  /** The sandbox's origin the requests are addressed to (any origin the `fetch` answers). */
  sandboxOrigin: string;
  /** @default 'pk_test_sandbox' */
  publicKey?: string;
  /** The shop's origin, which the start page records for the iframe / sub-window workflows. @default 'http://localhost' */
  origin?: string;
  /** What the shopper does at the issuer until {@link InMemoryPayjs.setOutcome}. @default 'verified' */
  outcome?: PayjpChallengeOutcome;
}

/** A pay.js instance (the part the kit uses) that passes the sandbox's challenge in memory. */
export interface InMemoryPayjs extends PayjpInstance {
  /** The outcome the next challenges end with. */
  setOutcome(outcome: PayjpChallengeOutcome): void;
  /** The ids (`tdsr_…`, `ch_…`, `tok_…`) challenged so far, oldest first. */
  readonly challenged: readonly string[];
}

const CONTEXT_FIELD = /<input type="hidden" name="context" value="([^"]*)">/;

function unescapeHtml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** pay.js's default rejection: an Error with a `code` (the sandbox's `payjsRejection: 'error'`). */
function payjsRejection(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * An in-memory stand-in for pay.js for jsdom tests: `openThreeDSecureIframe(id)` (and the dialog)
 * open the sandbox's real start page, post the chosen outcome to it as the shopper's click would,
 * and settle as pay.js does: resolve once the issuer page completes, reject with code `canceled`
 * for `abandon`. The result reaches the sandbox exactly as it does in a browser.
 */
export function createInMemoryPayjs(options: InMemoryPayjsOptions): InMemoryPayjs {
  const publicKey = options.publicKey ?? SANDBOX_PAYJP_PUBLIC_KEY;
  const sandboxOrigin = new URL(options.sandboxOrigin).origin;
  const shopOrigin = new URL(options.origin ?? 'http://localhost').origin;
  let outcome: PayjpChallengeOutcome = options.outcome ?? 'verified';
  const challenged: string[] = [];

  async function challenge(id: string, workflow: 'iframe' | 'subwindow'): Promise<void> {
    if (typeof id !== 'string' || id === '') throw payjsRejection('invalid_id', 'A 3-D Secure resource id is required.');
    challenged.push(id);
    const query = new URLSearchParams({ publickey: publicKey, workflow, origin: shopOrigin });
    const startUrl = `${sandboxOrigin}/v1/tds/${encodeURIComponent(id)}/start?${query.toString()}`;
    const start = await options.fetch(new Request(startUrl));
    const page = await start.text();
    const context = CONTEXT_FIELD.exec(page)?.[1];
    if (!start.ok || context === undefined) {
      const code = /data-error="([^"]+)"/.exec(page)?.[1] ?? `HTTP ${start.status}`;
      throw new TestingHelperError('challenge_failed', `The sandbox's 3-D Secure start page for ${id} showed no challenge (${code}).`);
    }
    const chosen = outcome;
    const complete = await options.fetch(
      new Request(`${sandboxOrigin}/v1/tds/${encodeURIComponent(id)}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ context: unescapeHtml(context), outcome: chosen }).toString(),
      }),
    );
    await complete.arrayBuffer();
    if (!complete.ok) throw new TestingHelperError('challenge_failed', `The sandbox refused the ${chosen} outcome for ${id} (HTTP ${complete.status}).`);
    if (chosen === 'abandon') throw payjsRejection('canceled', '3Dセキュア認証がキャンセルされました。');
  }

  return {
    getPublicKey: () => publicKey,
    openThreeDSecureIframe: (id) => challenge(id, 'iframe'),
    openThreeDSecureDialog: (id) => challenge(id, 'subwindow'),
    setOutcome(next) {
      if (!isPayjpChallengeOutcome(next)) throw new TestingHelperError('unknown_outcome', `setOutcome: ${JSON.stringify(next)} is not a PAY.JP sandbox outcome`);
      outcome = next;
    },
    get challenged() {
      return challenged.slice();
    },
  };
}
