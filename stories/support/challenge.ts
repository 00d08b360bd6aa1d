import { waitFor } from 'storybook/test';

/** The sandbox issuer's outcomes (src/sandbox/README.md). */
export type ChallengeOutcome = 'pass' | 'fail' | 'timeout' | 'pass_auth_fail';

/** Waits for the sandbox challenge page in the demo frame and presses one outcome, as the shopper would. */
export async function chooseChallengeOutcome(canvasElement: HTMLElement, outcome: ChallengeOutcome): Promise<void> {
  const frame = canvasElement.querySelector<HTMLIFrameElement>('iframe[data-demo-frame]');
  if (!frame) throw new Error('the demo frame is missing');
  const button = await waitFor(
    () => {
      const found = frame.contentDocument?.querySelector<HTMLButtonElement>(`[data-outcome="${outcome}"]`);
      if (!found) throw new Error(`the sandbox challenge page has not shown the "${outcome}" button yet`);
      return found;
    },
    { timeout: 10_000 },
  );
  button.click();
}
