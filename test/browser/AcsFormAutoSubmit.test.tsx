// <AcsFormAutoSubmit> in Chromium against the sandbox mounted on the test server: StrictMode,
// re-renders and remounts post the ACS form once; the real POST reaches the issuer page.
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createKurocoBackend } from '../../src/core/kuroco/createKurocoBackend';
import { AcsFormAutoSubmit } from '../../src/react/AcsFormAutoSubmit';

const FRAME = 'acs-component-frame';

async function sandboxAcsHtml(): Promise<string> {
  const backend = createKurocoBackend({
    baseUrl: location.origin,
    auth: { type: 'token', token: 'sandbox-access-token' },
    returnPath: '/sandbox-return.html',
  });
  const result = await backend.purchase({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}` });
  if (!result.acsHtml) throw new Error('the sandbox sent no out_acs_html');
  return result.acsHtml;
}

function frameShowsChallenge(frame: HTMLIFrameElement) {
  return Boolean(frame.contentDocument?.querySelector('[data-outcome="pass"]'));
}

afterEach(() => {
  vi.restoreAllMocks();
  document.querySelectorAll(`iframe[name="${FRAME}"]`).forEach((f) => f.remove());
});

function addFrame() {
  const frame = document.createElement('iframe');
  frame.name = FRAME;
  document.body.append(frame);
  return frame;
}

describe('<AcsFormAutoSubmit> in Chromium', () => {
  it('submits once under StrictMode, re-renders and a remount, and the issuer page opens', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const frame = addFrame();
    const html = await sandboxAcsHtml();
    const onSubmit = vi.fn();
    const ui = (label: string) => (
      <StrictMode>
        <p>{label}</p>
        <AcsFormAutoSubmit html={html} target={FRAME} allowedActionOrigins={[location.origin]} onSubmit={onSubmit} fallbackDelayMs={100} />
      </StrictMode>
    );
    const screen = await render(ui('first'));
    await screen.rerender(ui('second'));
    await screen.unmount();
    const again = await render(ui('third'));
    await expect.poll(() => frameShowsChallenge(frame), { timeout: 10_000 }).toBe(true);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await expect.element(again.getByRole('status')).toHaveTextContent('3Dセキュア');

    // The fallback button becomes usable and submits again only when pressed.
    const button = again.getByRole('button', { name: '認証画面へ進む' });
    await expect.element(button).toBeEnabled();
    await button.click();
    expect(submit).toHaveBeenCalledTimes(2);
  });

  it('shows a typed error, calls onError once and submits nothing for a hostile action', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const onError = vi.fn();
    const html = '<form name="submitForm" action="javascript:parent.__pwned=1" method="post"><input type="hidden" name="a" value="b"></form>';
    const screen = await render(
      <StrictMode>
        <AcsFormAutoSubmit html={html} onError={onError} locale="en" />
      </StrictMode>,
    );
    await expect.element(screen.getByRole('alert')).toHaveAttribute('data-error-code', 'acs_action_not_allowed');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('could not be verified');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'acs_action_not_allowed' }));
    // StrictMode runs the effect twice: the refusal is still reported once (newcomer friction 12).
    expect(onError).toHaveBeenCalledTimes(1);
    expect(submit).not.toHaveBeenCalled();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
