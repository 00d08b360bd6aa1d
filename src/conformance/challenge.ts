import type { Frame } from 'playwright-core';

/** What the probe answers on the issuer's challenge page. */
export type ChallengeAnswer = 'verified' | 'failed' | 'cancel';

// The sandbox's challenge page names its buttons by outcome (documented in src/sandbox/README.md);
// PAY.JP's test-mode page is matched by the wording of its buttons.
const SANDBOX_OUTCOME: Record<ChallengeAnswer, string> = { verified: 'verified', failed: 'failed', cancel: 'abandon' };
const LABEL: Record<ChallengeAnswer, RegExp> = {
  verified: /^\s*(認証する|認証|送信|完了|OK|Submit|Complete|Authenticate|Verify)\s*$/i,
  failed: /失敗|fail/i,
  cancel: /キャンセル|閉じる|中止|cancel|close/i,
};

async function pressIn(frame: Frame, answer: ChallengeAnswer): Promise<boolean> {
  const candidates = [frame.locator(`[data-outcome="${SANDBOX_OUTCOME[answer]}"]`), frame.getByRole('button', { name: LABEL[answer] })];
  for (const candidate of candidates) {
    const button = candidate.first();
    if ((await button.count()) > 0 && (await button.isVisible())) {
      await button.click({ timeout: 5000 });
      return true;
    }
  }
  return false;
}

/**
 * Presses the button for `answer` in whichever of `frames()` shows it, waiting up to `timeoutMs`
 * for the page to draw it. False when no such button appeared (e.g. a test-mode page without a
 * failing answer).
 */
export async function answerChallenge(frames: () => Frame[], answer: ChallengeAnswer, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of frames()) {
      try {
        if (await pressIn(frame, answer)) return true;
      } catch {
        // The frame navigated or went away while it was searched: look again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
