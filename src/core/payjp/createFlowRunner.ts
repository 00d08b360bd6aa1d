import type { AttemptStore, PayjpAttempt } from '../attempt/attemptStore';
import type { ConfirmOptions } from '../confirm/confirmUntilFinal';
import { ThreeDSecureError } from '../errors';
import { createStore, type ReadableStore } from '../store';
import type { PayjpBackend } from './createPayjpBackend';
import type { ResumeFilter } from './inPageAttempt';
import type { PayjpInstance, ThreeDSecureDialogOptions, ThreeDSecureWorkflow } from './payjs';
import type { PayjsUi } from './trackPayjsUi';

/** What every PAY.JP 3-D Secure flow is built from (customer card, charge). */
export interface PayjpFlowOptions extends ConfirmOptions {
  /** Your merchant backend (`createPayjpBackend`). */
  backend: PayjpBackend;
  /** The payjs instance (the provider loads pay.js before any click). */
  getPayjp(): Promise<PayjpInstance>;
  /** Where attempts are saved for a reload or a later visit (`createAttemptStore`). */
  attempts: AttemptStore;
  /** @default 'iframe' */
  workflow?: ThreeDSecureWorkflow;
  /** What replaces a blocked sub-window. `'none'` reports `popup_blocked`. @default 'iframe' */
  popupFallback?: 'iframe' | 'redirect' | 'none';
  /** Sub-window workflow: pay.js's `openThreeDSecureDialog` options (`timeout`, `windowFeatures`). */
  dialogOptions?: ThreeDSecureDialogOptions;
  /** Redirect workflow: one of the server's `returnUrls` (the first when absent). */
  returnUrl?: string;
  /** Redirect workflow: how to leave for PAY.JP's start page. @default location.assign */
  navigate?(url: string): void;
}

/**
 * The old bounded schedule (about 19.5 s in all). Kept for callers that pass it as `pollDelaysMs`;
 * the flows now confirm for `confirmTimeoutMs` (5 minutes by default) with backoff.
 */
export const DEFAULT_FLOW_POLL_DELAYS_MS: readonly number[] = [0, 500, 1000, 2000, 3000, 5000, 8000];

/** What a PAY.JP flow exposes: a store, one run at a time, cancel and reset. */
export interface RunnableFlow<S, O> extends ReadableStore<S> {
  /** Starts one run; calls while one is running return the same promise. */
  start(options: O): Promise<S>;
  /**
   * Confirms the unsettled iframe or sub-window attempt this tab saved (after a reload, a later
   * visit or a `status_unknown`), without a second challenge. Returns null when there is none.
   * While a run is under way, returns its promise.
   */
  resume(filter?: ResumeFilter): Promise<S> | null;
  /** Stops the running one and takes down whatever pay.js put on the page. The saved attempt stays. */
  cancel(): void;
  /** Back to idle. */
  reset(): void;
}

export interface FlowRunner<S> {
  /** Merges a patch into the state and returns the new state. */
  update(patch: Partial<S>): S;
  /** Replaces the whole state. */
  set(state: S): S;
  getSnapshot(): S;
  /** Remembers pay.js's UI of the current run, so a cancel or an unmount can remove it. */
  track(ui: PayjsUi | null): void;
  /**
   * Builds the public flow around `execute`, which must settle the state itself; `resumer` finds
   * a saved attempt and confirms it.
   */
  flow<O>(execute: (options: O, signal: AbortSignal) => Promise<S>, resumer: FlowResumer<S>): RunnableFlow<S, O>;
}

/** How a flow finds and confirms a saved attempt. */
export interface FlowResumer<S> {
  find(filter: ResumeFilter): PayjpAttempt | null;
  confirm(attempt: PayjpAttempt, signal: AbortSignal): Promise<S>;
}

/**
 * The machinery the PAY.JP flows share: the state store (teardown when the last listener leaves),
 * exactly one run at a time, and cancel/reset that abort the run and remove pay.js's UI.
 */
export function createFlowRunner<S>(idle: S): FlowRunner<S> {
  let running: { controller: AbortController; promise: Promise<unknown> } | null = null;
  let openUi: PayjsUi | null = null;
  const store = createStore<S>(idle, { onIdle: () => stop() });

  function stop() {
    running?.controller.abort(new ThreeDSecureError('canceled', 'Canceled'));
    running = null;
    openUi?.dispose();
    openUi = null;
  }

  const set = (state: S): S => {
    store.setState(state);
    return store.getSnapshot();
  };

  return {
    update: (patch) => set({ ...store.getSnapshot(), ...patch }),
    set,
    getSnapshot: store.getSnapshot,
    track(ui) {
      openUi = ui;
    },
    flow<O>(execute: (options: O, signal: AbortSignal) => Promise<S>, resumer: FlowResumer<S>): RunnableFlow<S, O> {
      const run = (task: (signal: AbortSignal) => Promise<S>): Promise<S> => {
        if (running) return running.promise as Promise<S>;
        const controller = new AbortController();
        const promise = task(controller.signal).finally(() => {
          if (running?.controller === controller) running = null;
        });
        running = { controller, promise };
        return promise;
      };
      return {
        getSnapshot: store.getSnapshot,
        subscribe: store.subscribe,
        start: (options) => run((signal) => execute(options, signal)),
        resume(filter = {}) {
          if (running) return running.promise as Promise<S>;
          const attempt = resumer.find(filter);
          return attempt ? run((signal) => resumer.confirm(attempt, signal)) : null;
        },
        cancel() {
          if (running) stop();
        },
        reset() {
          stop();
          set(idle);
        },
      };
    },
  };
}
