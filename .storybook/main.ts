import type { StorybookConfig } from '@storybook/react-vite';
import { sandboxVitePlugin } from '../src/sandbox/vitePlugin.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  // The offline PAY.JP / Kuroco / Paygent stand-in, on Storybook's own origin.
  async viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), sandboxVitePlugin()];
    return viteConfig;
  },
};

export default config;
