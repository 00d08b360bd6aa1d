// The opt-in stylesheet (src/styles/styles.css, shipped as react-3ds-kit/styles.css) in real Chromium:
// tokens drive the computed colours, the explicit and the OS dark themes switch them, an error under
// a field takes no extra height, nothing overflows at 320 px, focus shows, and reduced motion stops
// the busy spinner. test/browser/unstyled.test.tsx checks the same components without the file.
import '../../src/styles/styles.css';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { StyleGallery } from '../support/StyleGallery';

const LIGHT = { surface: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)', primary: 'rgb(11, 92, 173)' };
const DARK = { surface: 'rgb(22, 27, 34)', text: 'rgb(230, 237, 243)', primary: 'rgb(88, 166, 255)' };

function style(element: Element, pseudo?: string) {
  return getComputedStyle(element, pseudo);
}

function one(selector: string, root: ParentNode = document): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

async function emulate(features: Array<{ name: string; value: string }>) {
  await cdp().send('Emulation.setEmulatedMedia', { features });
}

async function renderGallery(wrap?: Parameters<typeof StyleGallery>[0]['wrap'], copies = 1) {
  const screen = await render(<StyleGallery {...(wrap ? { wrap } : {})} />);
  // The payjs stand-in mounts its fields once loaded: the layout is final from then on.
  await expect.poll(() => document.querySelectorAll('[data-payjp-field] input').length, { timeout: 15_000 }).toBe(3 * copies);
  return screen;
}

afterEach(async () => {
  await emulate([]);
  await page.viewport(1280, 800);
});

describe('react-3ds-kit/styles.css', () => {
  it('gives every component the light panel, and the primary colour to its main button', async () => {
    await emulate([{ name: 'prefers-color-scheme', value: 'light' }]);
    await renderGallery();
    const roots = [...document.querySelectorAll('.r3k-root:not(.r3k-root .r3k-root)')];
    expect(roots.map((root) => root.classList[1])).toEqual(['r3k-checkout', 'r3k-paygent-form', 'r3k-return-status']);
    for (const root of roots) {
      expect(style(root).backgroundColor).toBe(LIGHT.surface);
      expect(style(root).color).toBe(LIGHT.text);
      expect(style(root).paddingTop).toBe('16px');
    }
    for (const button of document.querySelectorAll('.r3k-root > .r3k-button, .r3k-kuroco-checkout > .r3k-button')) {
      expect(style(button).backgroundColor).toBe(LIGHT.primary);
      expect(style(button).color).toBe('rgb(255, 255, 255)');
    }
    // The return page without a saved attempt fails: its alert is boxed in the error colours.
    const alert = one('.r3k-return-status [role="alert"]');
    expect(style(alert).color).toBe('rgb(180, 35, 24)');
    expect(style(alert).borderLeftWidth).toBe('4px');
  });

  it('follows a token set on an ancestor, in both themes', async () => {
    const tokens = { '--r3k-color-primary': 'rgb(1, 2, 3)', '--r3k-radius': '0px', '--r3k-color-surface': 'rgb(250, 240, 230)' } as React.CSSProperties;
    await renderGallery((children) => (
      <div style={tokens}>
        {children}
        <div data-r3k-theme="dark" data-testid="dark-part">
          {children}
        </div>
      </div>
    ), 2);
    const [light, dark] = [...document.querySelectorAll<HTMLElement>('.r3k-paygent-form .r3k-button')];
    for (const button of [light, dark]) {
      expect(style(button!).backgroundColor).toBe('rgb(1, 2, 3)');
      expect(style(button!).borderTopLeftRadius).toBe('0px');
      expect(style(button!.closest('.r3k-paygent-form')!).backgroundColor).toBe('rgb(250, 240, 230)');
    }
    // Tokens left alone still switch with the theme.
    expect(style(light!.closest('.r3k-paygent-form')!).color).toBe(LIGHT.text);
    expect(style(dark!.closest('.r3k-paygent-form')!).color).toBe(DARK.text);
  });

  it('switches to dark with data-r3k-theme="dark" on any ancestor, and with the OS setting; the nearest explicit theme wins', async () => {
    await emulate([{ name: 'prefers-color-scheme', value: 'light' }]);
    await renderGallery((children) => (
      <section data-r3k-theme="dark">
        <div>{children}</div>
      </section>
    ));
    const root = one('.r3k-paygent-form');
    expect(style(root).backgroundColor).toBe(DARK.surface);
    expect(style(root).color).toBe(DARK.text);
    expect(style(root).colorScheme).toBe('dark');
    expect(style(one('.r3k-paygent-form .r3k-button')).backgroundColor).toBe(DARK.primary);

    // The OS asks for dark: unmarked components follow, a data-r3k-theme="light" ancestor keeps them light.
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const section = one('section[data-r3k-theme]');
    section.removeAttribute('data-r3k-theme');
    expect(style(root).backgroundColor).toBe(DARK.surface);
    section.setAttribute('data-r3k-theme', 'light');
    expect(style(root).backgroundColor).toBe(LIGHT.surface);
    expect(style(root).color).toBe(LIGHT.text);
    expect(style(root).colorScheme).toBe('light');
  });

  it('reserves the error line under each field: errors appearing change no field height', async () => {
    await renderGallery();
    const form = one('.r3k-paygent-form');
    const fields = [...form.querySelectorAll<HTMLElement>('.r3k-field')];
    expect(fields).toHaveLength(4);
    const before = fields.map((field) => field.getBoundingClientRect().height);
    const fieldsetBefore = one('.r3k-fieldset', form).getBoundingClientRect().height;

    await userEvent.click(page.getByRole('button', { name: '注文を確定する' }));
    await expect.poll(() => form.querySelectorAll('[data-field-error]').length).toBe(4);

    const errors = [...form.querySelectorAll<HTMLElement>('.r3k-error')];
    for (const error of errors) expect(style(error).color).toBe('rgb(180, 35, 24)');
    const after = fields.map((field) => field.getBoundingClientRect().height);
    for (const [index, height] of after.entries()) expect(height, `field ${index}`).toBeCloseTo(before[index]!, 0);
    expect(one('.r3k-fieldset', form).getBoundingClientRect().height).toBeCloseTo(fieldsetBefore, 0);
    // The invalid inputs are marked in the error colour, not only by aria-invalid.
    // (Polled: the border colour eases in over 0.15 s.)
    for (const input of form.querySelectorAll('input[aria-invalid="true"]')) await expect.poll(() => style(input).borderTopColor).toBe('rgb(180, 35, 24)');
  });

  it('fits a 320 px phone: no horizontal overflow, full-width buttons, one column', async () => {
    await page.viewport(320, 800);
    await renderGallery();
    await userEvent.click(page.getByRole('button', { name: '注文を確定する' }));
    await expect.poll(() => document.querySelectorAll('[data-field-error]').length).toBe(4);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    for (const element of document.querySelectorAll<HTMLElement>('.r3k-root, .r3k-root *')) {
      expect(element.getBoundingClientRect().right, element.outerHTML.slice(0, 80)).toBeLessThanOrEqual(320.5);
    }
    const pay = one('.r3k-checkout > .r3k-button');
    const checkout = one('.r3k-checkout');
    expect(pay.getBoundingClientRect().width).toBeCloseTo(checkout.clientWidth - 32, 0);
    const expiry = one('.r3k-paygent-form [data-field$="expire"]');
    const cvc = one('.r3k-paygent-form [data-field$="cvc"]');
    expect(cvc.getBoundingClientRect().top).toBeGreaterThan(expiry.getBoundingClientRect().bottom - 1);
  });

  it('shows focus with a visible ring', async () => {
    await renderGallery();
    const input = one('.r3k-paygent-form .r3k-input');
    input.focus();
    expect(style(input).outlineStyle).toBe('solid');
    expect(style(input).outlineWidth).toBe('3px');
    expect(style(input).outlineColor).toBe(LIGHT.primary);
  });

  it('spins a busy button, and holds it still under prefers-reduced-motion', async () => {
    const screen = await render(
      <div className="r3k-root">
        <button type="button" className="r3k-button" aria-busy="true" disabled>
          支払う
        </button>
      </div>,
    );
    const button = screen.container.querySelector('button')!;
    expect(style(button, '::before').animationName).toBe('r3k-spin');
    expect(style(button, '::before').width).not.toBe('auto');
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    expect(style(button, '::before').animationName).toBe('none');
    button.setAttribute('aria-busy', 'false');
    expect(style(button, '::before').content).toBe('none');
  });
});
