import type { CardVerification } from '../protocol';
import { verdictOf } from '../verdictOf';
import type { PayjpFlowSnapshot, PayjpResource } from './types';

/** Starts a customer-card verification. */
export interface StartCardVerificationOptions {
  /** The saved card, `car_…`. Which customer it must belong to is the server's business. */
  cardId: string;
  workflow?: PayjpFlowSnapshot<unknown>['workflow'] & {};
}

/** The snapshot of a customer-card verification. */
export interface CardVerificationState extends PayjpFlowSnapshot<CardVerification> {
  /** The card being verified (`car_…`), once started or resumed. */
  cardId: string | null;
  /** @deprecated Read `result`: the backend's view of the PAY.JP request, once created. */
  verification: CardVerification | null;
}

/** Customer-card 3-D Secure (seed 001): a `tdsr_` request the backend creates and reads. */
export const cardVerificationResource: PayjpResource<StartCardVerificationOptions, CardVerification, CardVerificationState> = {
  kind: 'card',
  event: 'card_verification',
  confirmingState: 'verifying',
  challenge: 'show',
  firstState: () => 'creating',
  create: ({ cardId }, run) => run.backend.createCardVerification(cardId, { signal: run.signal }),
  ref: (verification) => ({ id: verification.id }),
  verdict: verdictOf,
  async read(ref, run) {
    const verification = await run.backend.getCardVerification(ref.id, { signal: run.signal });
    return { value: verification, verdict: verdictOf(verification) };
  },
  notStarted: (verification) => verification.state === 'created',
  unanswered: (verification) => verification === null || verification.state === 'created' || verification.state === 'in_progress',
  saved: ({ cardId }) => ({ cardId }),
  view: (base, saved) => ({ ...base, cardId: saved.cardId ?? null, verification: base.result }),
};
