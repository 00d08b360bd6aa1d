// react-3ds-kit/testing/playwright: Playwright helpers for the sandbox's issuer pages and card
// fields, and a fixture that starts a sandbox per test. Needs @playwright/test; no React, no msw.
export { completeChallenge } from './completeChallenge';
export type { ChallengeLocation, ChallengeOutcome, CompleteChallengeOptions, CompletedChallenge } from './completeChallenge';
export { fillPayjsCard, fillPaygentCard } from './fillCard';
export type { FillCardOptions } from './fillCard';
export { sandboxFixtures, test } from './sandboxFixtures';
export type { SandboxFixtures } from './sandboxFixtures';
export * from '../index';
