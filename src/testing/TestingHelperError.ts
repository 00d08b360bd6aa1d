/** What a testing helper could not do. */
export type TestingHelperErrorCode =
  /** No sandbox issuer page (overlay iframe, sub-window, redirected page, Paygent challenge) appeared in time. */
  | 'challenge_not_found'
  /** An issuer page is up, but it has no button for the outcome asked for (e.g. a PAY.JP outcome on Paygent's page). */
  | 'outcome_not_offered'
  /** The outcome is none of the sandbox's (see PAYJP_CHALLENGE_OUTCOMES, SANDBOX_CHALLENGE_OUTCOMES). */
  | 'unknown_outcome'
  /** The card fields to fill are not on the page. */
  | 'card_fields_not_found'
  /** The in-memory pay.js could not run the sandbox's challenge (the sandbox answered an error page). */
  | 'challenge_failed';

/** Thrown by the helpers of `react-3ds-kit/testing`; the message says what was looked for and where. */
export class TestingHelperError extends Error {
  override readonly name = 'TestingHelperError';

  constructor(
    readonly code: TestingHelperErrorCode,
    message: string,
  ) {
    super(message);
  }
}
