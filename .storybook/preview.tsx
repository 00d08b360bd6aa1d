import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // axe runs on every story under test; a violation fails it.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
