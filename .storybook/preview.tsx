import type { Preview } from '@storybook/react-vite';
// Every story shows the kit's opt-in default look, as an app that imports react-3ds-kit/styles.css.
import '../src/styles/styles.css';
import { expectNoDarkThemeViolations, type DarkThemeAxeParameter } from './darkThemeAxe';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // axe runs on every story under test; a violation fails it.
    a11y: { test: 'error' },
    // Phone widths for the theme stories (also applied by the Vitest runner).
    viewport: {
      options: {
        phone320: { name: 'Phone 320', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        phone375: { name: 'Phone 375', styles: { width: '375px', height: '720px' }, type: 'mobile' },
      },
    },
    options: {
      // The docs page first, then the styling stories, then the flows.
      storySort: { order: ['Introduction', 'Styling', 'PAY.JP', 'Kuroco × Paygent'] },
    },
  },
  tags: ['autodocs'],
  // A paid demo order is remembered in localStorage (see README "Two tabs and the back button"):
  // every story starts with none, so one story's payment does not show as paid in the next.
  beforeEach() {
    for (const key of Object.keys(localStorage)) if (key.startsWith('react-3ds-kit:settled:')) localStorage.removeItem(key);
  },
  // Under Vitest (npm test), axe checks each story in the dark theme too; the a11y addon checks the light one.
  // Not in the Storybook UI, where switching the page's theme after every story would flicker.
  async afterEach({ parameters, viewMode }) {
    if (import.meta.env.VITEST_STORYBOOK === undefined || viewMode !== 'story') return;
    await expectNoDarkThemeViolations(parameters.a11y as DarkThemeAxeParameter | undefined);
  },
};

export default preview;
