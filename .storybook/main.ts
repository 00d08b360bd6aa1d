import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/Introduction.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  async viteFinal(viteConfig) {
    // Under Vitest, vitest.config.ts mounts the same two on the test server itself.
    if (process.env.VITEST) return viteConfig;
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        // The offline PAY.JP and Kuroco/Paygent stand-in, on Storybook's own origin. Loaded through Vite rather
        // than imported here, so Storybook's config loader never has to read the sandbox sources.
        name: 'react-3ds-kit-sandbox',
        async configureServer(server) {
          const { createSandbox } = (await server.ssrLoadModule('/src/sandbox/index.ts')) as typeof import('../src/sandbox/index');
          const sandbox = createSandbox();
          server.middlewares.use((req, res, next) => sandbox.handler(req, res, next));
          // A merchant backend (createPayjpHandler over the official SDK) for the PAY.JP demos.
          const { payjpDemoMiddleware } = (await server.ssrLoadModule('/test/support/payjpDemoBackend.ts')) as typeof import('../test/support/payjpDemoBackend');
          server.middlewares.use(payjpDemoMiddleware());
        },
      },
    ];
    return viteConfig;
  },
};

export default config;
