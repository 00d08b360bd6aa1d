import type { Page } from 'playwright-core';
import { answerChallenge } from './challenge';

/** Closes pay.js's challenge as a shopper would: its own close control, else the issuer's cancel, else Escape. */
export async function closeChallenge(page: Page, bodyChild: number | null): Promise<void> {
  if (bodyChild !== null) {
    const handle = await page.evaluateHandle((id) => (window as unknown as { __conformance: { closeControl(i: number): Element | null } }).__conformance.closeControl(id), bodyChild);
    const control = handle.asElement();
    if (control) {
      await control.click({ timeout: 5000 });
      return;
    }
  }
  if (await answerChallenge(() => page.frames().filter((frame) => frame !== page.mainFrame()), 'cancel', 5000)) return;
  await page.keyboard.press('Escape');
}
