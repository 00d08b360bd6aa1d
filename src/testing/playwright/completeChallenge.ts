import type { Frame, Page } from '@playwright/test';
import { SANDBOX_CHALLENGE_OUTCOMES, type SandboxChallengeOutcome } from '../../sandbox/paygent/sessions';
import { PAYJP_CHALLENGE_OUTCOMES, type PayjpChallengeOutcome } from '../../sandbox/payjp/outcomes';
import { TestingHelperError } from '../TestingHelperError';

/** A button of a sandbox issuer page: PAY.JP's (`verified` … `abandon`) or Paygent's (`pass` … `pass_auth_fail`). */
export type ChallengeOutcome = PayjpChallengeOutcome | SandboxChallengeOutcome;

/** Where the issuer page was: pay.js's overlay iframe (any frame of the page), a sub-window, or the page itself (redirect, Paygent ACS). */
export type ChallengeLocation = 'overlay' | 'popup' | 'page';

/** Options of {@link completeChallenge}. */
export interface CompleteChallengeOptions {
  /** How long to look for the issuer page (generous: CI machines are slow to open frames and windows). @default 30000 */
  timeoutMs?: number;
}

/** What {@link completeChallenge} pressed, and where. */
export interface CompletedChallenge {
  where: ChallengeLocation;
  /** The issuer page's URL. */
  url: string;
}

const OUTCOMES: readonly string[] = [...PAYJP_CHALLENGE_OUTCOMES, ...SANDBOX_CHALLENGE_OUTCOMES];
const POLL_MS = 100;

interface Candidate {
  frame: Frame;
  where: ChallengeLocation;
}

/** Every frame the issuer may be in: the page, its frames, then the other windows of its context. */
function candidates(page: Page): Candidate[] {
  const main = page.mainFrame();
  const list: Candidate[] = [{ frame: main, where: 'page' }];
  for (const frame of page.frames()) if (frame !== main) list.push({ frame, where: 'overlay' });
  for (const other of page.context().pages()) {
    if (other === page || other.isClosed()) continue;
    for (const frame of other.frames()) list.push({ frame, where: 'popup' });
  }
  return list;
}

/** The outcomes a frame offers (empty when it is no issuer page, or went away). */
async function offeredIn(frame: Frame): Promise<string[]> {
  try {
    return await frame.locator('[data-outcome]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-outcome') ?? ''));
  } catch {
    // The frame navigated or closed while we looked: look again on the next round.
    return [];
  }
}

function describeSearch(page: Page): string {
  const frames = page.frames().slice(1).map((frame) => frame.url() || 'about:blank');
  const windows = page.context().pages().filter((other) => other !== page && !other.isClosed());
  return [
    `the page (${page.url()})`,
    `${frames.length} frame(s)${frames.length ? ` (${frames.join(', ')})` : ''}`,
    `${windows.length} other window(s)${windows.length ? ` (${windows.map((other) => other.url()).join(', ')})` : ''}`,
  ].join(', ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Presses `outcome` on the sandbox's issuer page wherever the workflow shows it: pay.js's overlay
 * iframe (every `payjsOverlay` variant), its sub-window, the page itself after a redirect, or
 * Paygent's challenge page after the ACS form. Call it after the click that starts 3-D Secure; it
 * waits for the page to appear. Throws a {@link TestingHelperError}: `challenge_not_found` when no
 * issuer page appears in time, `outcome_not_offered` when the page offers other outcomes (a PAY.JP
 * outcome on Paygent's page, or the reverse), `unknown_outcome` for a name the sandbox lacks.
 */
export async function completeChallenge(page: Page, outcome: ChallengeOutcome, options: CompleteChallengeOptions = {}): Promise<CompletedChallenge> {
  if (!OUTCOMES.includes(outcome)) {
    throw new TestingHelperError('unknown_outcome', `completeChallenge: ${JSON.stringify(outcome)} is not a sandbox outcome (PAY.JP: ${PAYJP_CHALLENGE_OUTCOMES.join(', ')}; Paygent: ${SANDBOX_CHALLENGE_OUTCOMES.join(', ')})`);
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const { frame, where } of candidates(page)) {
      const offered = await offeredIn(frame);
      if (offered.length === 0) continue;
      if (!offered.includes(outcome)) {
        throw new TestingHelperError('outcome_not_offered', `completeChallenge: the issuer page in the ${where} (${frame.url()}) offers ${offered.join(', ')}, not "${outcome}"`);
      }
      const button = frame.locator(`[data-outcome="${outcome}"]`).first();
      const url = frame.url();
      try {
        await button.click({ timeout: Math.max(1000, deadline - Date.now()) });
      } catch (error) {
        // The sub-window may close itself as the click lands: that is the issuer page finishing.
        if (where === 'popup' && frame.page().isClosed()) return { where, url };
        if (frame.isDetached()) continue;
        throw error;
      }
      return { where, url };
    }
    if (Date.now() >= deadline) {
      throw new TestingHelperError(
        'challenge_not_found',
        `completeChallenge: no sandbox issuer page with a "${outcome}" button appeared within ${timeoutMs} ms. Looked in ${describeSearch(page)}. Call it after the click that starts 3-D Secure.`,
      );
    }
    await sleep(POLL_MS);
  }
}
