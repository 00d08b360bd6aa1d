import { waitFor } from 'storybook/test';

/** The sandbox issuer's outcomes (src/sandbox/README.md, PAY.JP section). Sandbox-only buttons. */
export type PayjpOutcome = 'verified' | 'attempted' | 'failed' | 'error' | 'slow' | 'abandon';

async function press(getDocument: () => Document | null | undefined, outcome: PayjpOutcome, where: string) {
  const button = await waitFor(
    () => {
      const found = getDocument()?.querySelector<HTMLButtonElement>(`[data-outcome="${outcome}"]`);
      if (!found) throw new Error(`the sandbox issuer page in the ${where} has not shown "${outcome}" yet`);
      return found;
    },
    { timeout: 10_000 },
  );
  button.click();
}

/** Presses an outcome on the issuer page inside pay.js's overlay iframe. */
export function pressInOverlay(outcome: PayjpOutcome) {
  return press(() => document.querySelector<HTMLIFrameElement>('[role=dialog] iframe')?.contentDocument, outcome, 'overlay');
}

/** Presses an outcome on the issuer page inside the demo's redirect frame. */
export function pressInDemoFrame(canvasElement: HTMLElement, outcome: PayjpOutcome) {
  return press(() => canvasElement.querySelector<HTMLIFrameElement>('iframe[data-demo-frame]')?.contentDocument, outcome, 'demo frame');
}

/** Records the windows opened from now on (pay.js's sub-window), until `restore()`. */
export function capturePopups() {
  const original = window.open;
  const opened: Window[] = [];
  window.open = function (...args: Parameters<Window['open']>) {
    const popup = original.apply(window, args);
    if (popup) opened.push(popup);
    return popup;
  } as Window['open'];
  return {
    press: (outcome: PayjpOutcome) => press(() => opened[0]?.document, outcome, 'sub-window'),
    restore: () => {
      window.open = original;
    },
  };
}

/**
 * Runs `trigger` (the click that starts 3-D Secure) and presses `outcome` wherever the workflow shows
 * the issuer: pay.js's overlay, its sub-window, or the demo's redirect frame.
 */
export async function completeChallenge(
  workflow: 'iframe' | 'subwindow' | 'redirect',
  canvasElement: HTMLElement,
  outcome: PayjpOutcome,
  trigger: () => Promise<void>,
): Promise<void> {
  const popups = workflow === 'subwindow' ? capturePopups() : null;
  try {
    await trigger();
    if (workflow === 'iframe') await pressInOverlay(outcome);
    else if (popups) await popups.press(outcome);
    else await pressInDemoFrame(canvasElement, outcome);
  } finally {
    popups?.restore();
  }
}

/** Types a test card into the payjs fields (the sandbox's stand-in renders plain inputs). */
export async function typePayjsCard(
  canvasElement: HTMLElement,
  userEvent: { type(element: Element, text: string): Promise<void> },
  number = '4242424242424242',
): Promise<void> {
  const field = (name: string) =>
    waitFor(
      () => {
        const input = canvasElement.querySelector<HTMLInputElement>(`[data-payjs-field="${name}"]`);
        if (!input) throw new Error(`the payjs ${name} field is not mounted yet`);
        return input;
      },
      { timeout: 10_000 },
    );
  await userEvent.type(await field('number'), number);
  await userEvent.type(await field('expiry'), '1230');
  await userEvent.type(await field('cvc'), '123');
}
