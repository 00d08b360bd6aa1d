import axe from 'axe-core';
import { waitForAnimations } from 'storybook/preview-api';

/** The part of a story's `a11y` parameter this check honours, as the a11y addon does. */
export interface DarkThemeAxeParameter {
  disable?: boolean;
  test?: 'off' | 'todo' | 'error';
}

/** The axe rules a theme can break: text contrast, and links told apart from text by colour alone. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Storybook's own elements, which are not the story (the same list the a11y addon leaves out). */
const STORYBOOK_ELEMENTS = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

/**
 * Runs axe's colour rules on the story as its play function left it, with the page switched to the
 * kit's dark theme (`data-r3k-theme="dark"` on `<html>`), and throws listing every violation. The
 * a11y addon runs all of axe in the light theme right before or after; this makes every story
 * checked in both.
 * A story that pins its own `data-r3k-theme="light"` further down keeps it (the nearest wins).
 */
export async function expectNoDarkThemeViolations(a11y: DarkThemeAxeParameter | undefined): Promise<void> {
  if (a11y?.disable === true || a11y?.test === 'off' || a11y?.test === 'todo') return;
  const html = document.documentElement;
  const previous = html.getAttribute('data-r3k-theme');
  html.setAttribute('data-r3k-theme', 'dark');
  try {
    // Buttons and fields fade their colours (0.15 s): measure the settled dark colours, not a blend.
    await waitForAnimations();
    axe.reset();
    // The theme changes colours only: the addon's light run already covers every other rule.
    const result = await axe.run({ include: [document.body], exclude: STORYBOOK_ELEMENTS.map((selector) => [selector]) }, { runOnly: { type: 'rule', values: COLOUR_RULES } });
    if (result.violations.length > 0) throw new Error(`axe, dark theme (data-r3k-theme="dark"):\n${result.violations.map(describeViolation).join('\n')}`);
  } finally {
    if (previous === null) html.removeAttribute('data-r3k-theme');
    else html.setAttribute('data-r3k-theme', previous);
  }
}

function describeViolation(violation: axe.Result): string {
  const where = violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`);
  return `- ${violation.id}: ${violation.help}\n    ${where.join('\n    ')}`;
}
