import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { AcsFormAutoSubmit } from '../src/react';
import { createSandboxKurocoBackend } from './support/sandboxBackend';

const FRAME = 'acs-story-frame';

declare global {
  interface Window {
    __acsPwned?: string;
  }
}

/** Asks the sandbox for a fresh `out_acs_html`, exactly as Kuroco would return it. */
async function loadSandboxAcsHtml() {
  const result = await createSandboxKurocoBackend().purchase({
    product_id: 41201,
    quantity: 1,
    ec_payment_id: 58,
    card_token: `tok_${crypto.randomUUID().replaceAll('-', '')}`,
  });
  return { html: result.acsHtml ?? '' };
}

/**
 * `<AcsFormAutoSubmit>` takes Paygent's `out_acs_html`, keeps only its form, rebuilds it and submits
 * it once. Here it submits into the frame below; in an app it navigates the page.
 */
const meta = {
  title: 'Kuroco × Paygent/AcsFormAutoSubmit',
  id: 'kuroco-acs-form-auto-submit',
  component: AcsFormAutoSubmit,
  args: { html: '', target: FRAME, fallbackDelayMs: 500 },
  render: (args, { loaded }) => (
    <div style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640 }}>
      <AcsFormAutoSubmit {...args} html={(loaded as { html?: string }).html ?? args.html} allowedActionOrigins={[window.location.origin]} />
      <iframe name={FRAME} title="3Dセキュア画面（サンドボックス）" style={{ width: '100%', height: 300, border: '1px solid #c4c9d0' }} />
    </div>
  ),
} satisfies Meta<typeof AcsFormAutoSubmit>;

export default meta;
type Story = StoryObj<typeof meta>;

function frameDocument(canvasElement: HTMLElement) {
  return canvasElement.querySelector<HTMLIFrameElement>(`iframe[name="${FRAME}"]`)?.contentDocument ?? null;
}

/** Live HTML from the sandbox: submitted once, the issuer page opens, the fallback button becomes usable. */
export const PaygentDocument: Story = {
  loaders: [loadSandboxAcsHtml],
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('3Dセキュア');
    await waitFor(() => expect(frameDocument(canvasElement)?.querySelector('[data-outcome="pass"]')).toBeTruthy(), { timeout: 10_000 });
    await waitFor(() => expect(canvas.getByRole('button', { name: '認証画面へ進む' })).toBeEnabled());
  },
};

/** `autoSubmit={false}`: nothing is sent until the shopper presses the button. */
export const ManualSubmit: Story = {
  loaders: [loadSandboxAcsHtml],
  args: { autoSubmit: false },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await new Promise((r) => setTimeout(r, 300));
    await expect(frameDocument(canvasElement)?.querySelector('[data-outcome]') ?? null).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: '認証画面へ進む' }));
    await waitFor(() => expect(frameDocument(canvasElement)?.querySelector('[data-outcome="pass"]')).toBeTruthy(), { timeout: 10_000 });
  },
};

const HOSTILE_HTML = `<html><body onload="window.__acsPwned='onload'">
<img src="x" onerror="window.__acsPwned='img'">
<svg onload="window.__acsPwned='svg'"></svg>
<script>window.__acsPwned = 'script'</script>
<form name="submitForm" action="javascript:window.__acsPwned='action'" method="POST">
  <input type="hidden" name="MD" value="x">
</form></body></html>`;

/** HTML that tries to run code and posts to `javascript:`: refused with a typed error, nothing runs. */
export const HostileHtmlRefused: Story = {
  args: { html: HOSTILE_HTML },
  play: async ({ canvas, canvasElement }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'acs_action_not_allowed');
    await new Promise((r) => setTimeout(r, 200));
    await expect(window.__acsPwned).toBeUndefined();
    await expect(frameDocument(canvasElement)?.body?.childElementCount ?? 0).toBe(0);
  },
};

/** A page with no usable form. */
export const NoForm: Story = {
  args: { html: '<html><body><p>Service unavailable</p></body></html>', locale: 'en' },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'acs_html_invalid');
    await expect(alert).toHaveTextContent('could not be opened');
  },
};
