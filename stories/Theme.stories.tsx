import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { ThemeGallery } from './support/ThemeGallery';

/**
 * The opt-in default look, `import 'react-3ds-kit/styles.css'`, on every drop-in component: light,
 * dark, a custom theme made only of `--r3k-*` tokens, and phone widths. Each story places an order
 * with an empty card form first, so the field errors and the alert show.
 */
const meta = {
  title: 'Styling/Theme',
  id: 'styling-theme',
  component: ThemeGallery,
  parameters: { layout: 'fullscreen' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: '注文を確定する' }, { timeout: 10_000 }));
    await waitFor(() => expect(document.querySelectorAll('[data-field-error]')).toHaveLength(4), { timeout: 10_000 });
    // Settled: the saved card is loaded and payjs has mounted its fields.
    await canvas.findByRole('button', { name: 'カードの本人認証をする' }, { timeout: 10_000 });
    await waitFor(() => expect(document.querySelector('[data-payjp-field] input')).not.toBeNull(), { timeout: 10_000 });
  },
} satisfies Meta<typeof ThemeGallery>;

export default meta;
type Story = StoryObj<typeof meta>;

const CUSTOM_TOKENS = {
  '--r3k-color-primary': '#7c2d12',
  '--r3k-color-primary-hover': '#5c200c',
  '--r3k-color-focus': '#c2410c',
  '--r3k-color-surface': '#fffbf5',
  '--r3k-color-border': '#8a6a55',
  '--r3k-radius': '0px',
  '--r3k-radius-panel': '0px',
  '--r3k-font-family': 'Georgia, "Noto Serif CJK JP", serif',
} as const;

/** Mid-story checks on what the stylesheet computed for the first kit panel. */
function panel(canvasElement: HTMLElement) {
  const root = canvasElement.querySelector('.r3k-paygent-form');
  if (!root) throw new Error('no PaygentCardForm');
  return root;
}

/** The default light theme (data-r3k-theme="light"). */
export const Light: Story = { args: { theme: 'light' } };

/** data-r3k-theme="dark" on the page: every component switches, whatever the OS says. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async (context) => {
    await meta.play(context);
    await expect(getComputedStyle(panel(context.canvasElement)).backgroundColor).toBe('rgb(22, 27, 34)');
  },
};

/** A shop's own look from tokens alone: a brown primary, square corners, a serif font. */
export const CustomTheme: Story = {
  args: { theme: 'light', tokens: CUSTOM_TOKENS },
  play: async (context) => {
    await meta.play(context);
    const button = panel(context.canvasElement).querySelector('.r3k-button');
    await expect(getComputedStyle(button!).backgroundColor).toBe('rgb(124, 45, 18)');
    await expect(getComputedStyle(button!).borderTopLeftRadius).toBe('0px');
  },
};

/** Nothing scrolls sideways at the narrowest phone width. */
function phone(width: 320 | 375, theme: 'light' | 'dark'): Story {
  return {
    args: { theme },
    globals: { viewport: { value: `phone${width}`, isRotated: false } },
    play: async (context) => {
      await meta.play(context);
      await expect(document.documentElement.clientWidth).toBeLessThanOrEqual(width);
      await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
    },
  };
}

export const Phone320 = phone(320, 'light');
export const Phone375Dark = phone(375, 'dark');
