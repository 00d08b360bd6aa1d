import type { ThreeDSecureError } from '../errors';

/**
 * The one status vocabulary of every flow in the kit (card verification, charge, token, Kuroco
 * purchase, return page). What a working flow is doing is its `step`; why a flow failed is its
 * `error.code` (`canceled`, `expired`, `three_d_secure_failed`, `status_unknown`, …).
 */
export type FlowStatus = 'idle' | 'working' | 'succeeded' | 'failed';

/** What every flow's snapshot carries. Flows add their own fields (the resource, the workflow, …). */
export interface FlowSnapshot<TStep extends string = string, TResult = unknown> {
  /** `idle`, `working`, `succeeded` or `failed`: the one vocabulary of every flow. */
  status: FlowStatus;
  /** While `working`: what the flow is doing (`creating`, `challenging`, `verifying`, …); otherwise null. */
  step: TStep | null;
  /** The final value once `succeeded` (and whatever the flow knows of it before). */
  result: TResult | null;
  /** Why the flow failed (`error.code`), once `failed`; otherwise null. */
  error: ThreeDSecureError | null;
  /** `status === 'working'`: disable the button, show progress. */
  isBusy: boolean;
  /** A new `start` (or the flow's `retry`) may help: the failure is not final for this input. */
  canRetry: boolean;
}

/** The callbacks every flow fires itself, once per run, with the options current at that moment. */
export interface FlowCallbacks<TSnapshot> {
  /** Fired by the flow once when a run succeeds. */
  onSucceeded?(snapshot: TSnapshot): void;
  /** Fired by the flow once when a run fails (canceled, expired and `status_unknown` included). */
  onFailed?(error: ThreeDSecureError, snapshot: TSnapshot): void;
}

/**
 * The contract of every flow (TanStack Query's observer shape): a store read through `subscribe` and
 * `getSnapshot`, options replaced with `setOptions` (the next run, and callbacks, see the new ones), one
 * run at a time through `start`, `cancel` to stop it, `reset` to go back to idle.
 */
export interface Flow<TInput, TSnapshot extends FlowSnapshot, TOptions> {
  /** Calls `listener` on every new snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current snapshot (a new object on every change). */
  getSnapshot(): TSnapshot;
  /** Replaces the options. A change that cannot be honoured mid-run applies to the next run. */
  setOptions(options: TOptions): void;
  /** Starts one run; while one is running, returns the same promise. Resolves with the final snapshot; never rejects. */
  start(input: TInput): Promise<TSnapshot>;
  /** Stops the running one and removes whatever it put on the page. */
  cancel(): void;
  /** Back to idle. */
  reset(): void;
}
