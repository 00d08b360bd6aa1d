import type { AttemptStore, PayjpAttempt } from '../../attempt/attemptStore';
import type { ConfirmOptions } from '../../confirm/confirmUntilFinal';
import type { ThreeDSecureError } from '../../errors';
import type { ThreeDSecureEventFlow, ThreeDSecureEventListener } from '../../events';
import type { Flow, FlowCallbacks, FlowSnapshot } from '../../flow/types';
import type { PayjpBackend } from '../createPayjpBackend';
import type { ResumeFilter } from '../inPageAttempt';
import type { PayjpInstance, ThreeDSecureDialogOptions, ThreeDSecureWorkflow } from '../payjs';
import type { PayjpVerdict } from '../verdictOf';

/** What a working PAY.JP flow is doing. */
export type PayjpStep = 'tokenizing' | 'creating' | 'challenging' | 'redirecting' | 'confirming';

/**
 * The ten states of the PAY.JP flows before the one vocabulary (`verifying` for a card, `finishing`
 * for a charge). Kept as the snapshot's deprecated `state` and as components' `data-state`.
 */
export type PayjpLegacyStatus =
  | 'idle'
  | 'tokenizing'
  | 'creating'
  | 'challenging'
  | 'redirecting'
  | 'verifying'
  | 'finishing'
  | 'succeeded'
  | 'failed'
  | 'expired'
  | 'canceled'
  | 'error';

/** The snapshot of every PAY.JP flow. */
export interface PayjpFlowSnapshot<TResult> extends FlowSnapshot<PayjpStep, TResult> {
  /** The workflow in use (after a popup fallback, the one that replaced the sub-window). */
  workflow: ThreeDSecureWorkflow | null;
  /**
   * Confirming has lasted over 10 s: the issuer's result is late. The shopper may leave; the
   * attempt is saved, and coming back resumes confirming it.
   */
  stillConfirming: boolean;
  /** An unsettled attempt is saved in this tab: `resume()` confirms it without a new challenge. */
  resumable: boolean;
  /** @deprecated Read `status`, `step` and `error.code`. The ten-state status of earlier versions. */
  state: PayjpLegacyStatus;
}

/** What every PAY.JP flow is built from. Read at run time: a change applies from the next use. */
export interface PayjpFlowOptions<TSnapshot = PayjpFlowSnapshot<unknown>> extends ConfirmOptions, FlowCallbacks<TSnapshot> {
  /** The merchant backend (`createPayjpBackend`). */
  backend: PayjpBackend;
  /** The payjs instance (the provider loads pay.js before any click). */
  getPayjp(): Promise<PayjpInstance>;
  /** Where attempts are saved across reloads (sessionStorage by default). */
  attempts: AttemptStore;
  /** @default 'iframe' */
  workflow?: ThreeDSecureWorkflow;
  /** What replaces a blocked sub-window. `'none'` reports `popup_blocked`. @default 'iframe' */
  popupFallback?: 'iframe' | 'redirect' | 'none';
  /** Sub-window workflow: pay.js's dialog options (size, texts). */
  dialogOptions?: ThreeDSecureDialogOptions;
  /** Redirect workflow: one of the server's `returnUrls` (the first when absent). */
  returnUrl?: string;
  /** Redirect workflow: how to leave for PAY.JP's start page. @default location.assign */
  navigate?(url: string): void;
  /** Monitoring: ids, workflow, codes and timings of each step (never card or personal data). */
  onEvent?: ThreeDSecureEventListener;
}

/** A PAY.JP flow: the {@link Flow} contract plus `resume` of a saved attempt. */
export interface PayjpFlow<TInput, TSnapshot extends PayjpFlowSnapshot<unknown>, TOptions = PayjpFlowOptions<TSnapshot>> extends Flow<TInput, TSnapshot, TOptions> {
  /**
   * Confirms the unsettled iframe or sub-window attempt this tab saved (after a reload, a later
   * visit or a `status_unknown`), without a second challenge. Returns null when there is none.
   * While a run is under way, returns its promise.
   */
  resume(filter?: ResumeFilter): Promise<TSnapshot> | null;
}

/** Where a created resource is read back: its id, and a charge's tag for guest checkout. */
export interface PayjpResourceRef {
  id: string;
  chargeTag?: string | undefined;
}

/** What one run works with: fixed when it starts (a change applies to the next run). */
export interface PayjpRunContext {
  backend: PayjpBackend;
  workflow: ThreeDSecureWorkflow;
  dialogOptions?: ThreeDSecureDialogOptions | undefined;
  signal: AbortSignal;
  /** A charge started from a card form: the token is made, the charge is being created now. */
  tokenized(): void;
}

/** One confirming read: the resource as read, and what it means. */
export interface PayjpRead<TValue> {
  value: TValue;
  verdict: PayjpVerdict;
}

/**
 * The variation between the PAY.JP flows, as data: how to create the resource, how pay.js shows
 * the issuer, how to read (and for a charge, finish) it, and what a closed screen means.
 */
export interface PayjpResource<TInput, TValue, TSnapshot extends PayjpFlowSnapshot<TValue>> {
  kind: PayjpAttempt['kind'];
  /** The `flow` of its events. */
  event: ThreeDSecureEventFlow;
  /** The deprecated `state` while confirming. */
  confirmingState: 'verifying' | 'finishing';
  /** The deprecated `state` while `create` runs: `tokenizing` while a token is made first. */
  firstState(input: TInput): 'tokenizing' | 'creating';
  /** `show`: payjs opens the issuer for the created id. `create`: payjs did it while creating (token 3-D Secure). */
  challenge: 'show' | 'create';
  /** Failures of this kind are outcomes (`failed`), not errors (`error`). */
  failureCodes?: ReadonlySet<ThreeDSecureError['code']>;
  /** What is sent or done first (the workflow in use is given). Runs before any re-render. */
  create(input: TInput, run: PayjpRunContext): Promise<TValue>;
  ref(value: TValue): PayjpResourceRef;
  /** The verdict of the created resource itself (a charge can be final at once). */
  verdict(value: TValue): PayjpVerdict;
  read(ref: PayjpResourceRef, run: PayjpRunContext): Promise<PayjpRead<TValue>>;
  /** True when the request was never shown (a silently blocked popup; a resumed attempt never started). */
  notStarted?(value: TValue): boolean;
  /** After a closed screen: true when nothing was answered (then the close is a cancel). */
  unanswered(value: TValue | null): boolean;
  /** Saved with the attempt, and how resume filters (a card's `cardId`). */
  saved?(input: TInput): { cardId?: string };
  /** The snapshot with this resource's own fields (aliases of `result`, the card id). */
  view(base: PayjpFlowSnapshot<TValue>, saved: { cardId?: string }): TSnapshot;
}
