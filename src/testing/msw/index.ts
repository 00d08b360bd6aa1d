// react-3ds-kit/testing/msw: MSW handlers answering from an in-process sandbox, for jsdom tests.
// Needs msw 2; no React, no Playwright.
export { createSandboxHandlers, SANDBOX_MSW_ORIGIN } from './createSandboxHandlers';
export type { SandboxHandlers, SandboxHandlersOptions, SandboxPayjpRoutesOptions } from './createSandboxHandlers';
export * from '../index';
