export { createSandbox } from './createSandbox';
export type { Sandbox, SandboxHandler, SandboxOptions } from './createSandbox';
export { sandboxVitePlugin } from './vitePlugin';
export type { SandboxVitePlugin } from './vitePlugin';
