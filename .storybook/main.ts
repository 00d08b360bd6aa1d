import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        // The offline Kuroco/Paygent stand-in, on Storybook's own origin. Loaded through Vite rather
        // than imported here, so Storybook's config loader never has to read the sandbox sources.
        name: 'react-3ds-kit-sandbox',
        async configureServer(server) {
          const { createSandbox } = (await server.ssrLoadModule('/src/sandbox/index.ts')) as typeof import('../src/sandbox/index');
          const sandbox = createSandbox();
          server.middlewares.use((req, res, next) => sandbox.handler(req, res, next));
        },
      },
    ];
    return viteConfig;
  },
};

export default config;
