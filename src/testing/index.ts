// react-3ds-kit/testing: what the Playwright and MSW entries share, with no peer at all: a sandbox per
// test with a clock to move, presets, the test cards, and an in-memory pay.js for jsdom.
export { startSandbox, applySandboxPresets } from './startSandbox';
export type { RunningSandbox, StartSandboxOptions } from './startSandbox';
export { createSandboxClock } from './createSandboxClock';
export type { SandboxClock } from './createSandboxClock';
export { createInMemoryPayjs } from './createInMemoryPayjs';
export type { InMemoryPayjs, InMemoryPayjsOptions } from './createInMemoryPayjs';
export { withPayjs } from './withPayjs';
export { toFetchHandler } from './toFetchHandler';
export type { FetchHandler } from './toFetchHandler';
export { TestingHelperError } from './TestingHelperError';
export type { TestingHelperErrorCode } from './TestingHelperError';
export { SANDBOX_TEST_CARDS, PAYJP_CHARGE_ERROR_CARDS, PAYJP_TOKEN_ERROR_CARDS, PAYJP_SANDBOX_TDS_CARDS, PAYGENT_SANDBOX_RESULT_CARDS } from './testCards';
export type { TestCard } from './testCards';
export { PAYJP_CHALLENGE_OUTCOMES } from '../sandbox/payjp/outcomes';
export type { PayjpChallengeOutcome } from '../sandbox/payjp/outcomes';
export { SANDBOX_CHALLENGE_OUTCOMES } from '../sandbox/paygent/sessions';
export type { SandboxChallengeOutcome } from '../sandbox/paygent/sessions';
export { sandboxPresets } from '../sandbox/presets';
export type { SandboxPresetName, SandboxPresets } from '../sandbox/presets';
export { SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from '../sandbox/payjp/options';
