import type { AttemptStore } from '../../attempt/attemptStore';
import { DEFAULT_CONFIRM_TIMEOUT_MS, confirmUntilFinal } from '../../confirm/confirmUntilFinal';
import { ThreeDSecureError, toThreeDSecureError } from '../../errors';
import { emitEvent, outcomeEvent, type ThreeDSecureEventDetails } from '../../events';
import { createFlowStore } from '../../flow/createFlowStore';
import { warnInDevelopment } from '../../flow/warnInDevelopment';
import { findResumableAttempt, forgetAttempt, saveInPageAttempt } from '../inPageAttempt';
import { leaveForStartPage } from '../leaveForStartPage';
import { showChallenge, type ChallengeEnd } from '../showChallenge';
import type { PayjsUi } from '../trackPayjsUi';
import type { PayjpVerdict } from '../verdictOf';
import { snapshotOf, IDLE_SNAPSHOT, type SnapshotPatch } from './snapshotOf';
import type { PayjpFlow, PayjpFlowOptions, PayjpFlowSnapshot, PayjpRead, PayjpResource, PayjpResourceRef, PayjpRunContext } from './types';

// A closed screen with no result is a cancel; a failure or success would have a result: read twice first.
const CLOSED_SCREEN_DELAYS_MS: readonly number[] = [0, 500];

const ignore = () => {};

// Options a running flow has already acted on: a change applies to the next run.
const FIXED_PER_RUN = ['workflow', 'backend', 'attempts'] as const;

type Run = Omit<PayjpRunContext, 'tokenized'> & { attempts: AttemptStore; startedAt: number; resourceId?: string };

/**
 * The one PAY.JP 3-D Secure engine under the card verification (`tdsr_`), charge (`ch_`) and
 * token (`tok_`) flows; the resource supplies the variation as data. A run: create → save the
 * attempt → redirect, or show the issuer through payjs (a blocked sub-window falls back) → confirm
 * with the one polling loop → settle (the resource finishes a charge) → the callbacks, fired here
 * with the options current at that moment. Cancel, reset and the last listener leaving take down
 * pay.js's UI; a saved attempt can be resumed without a second challenge.
 */
export function createPayjpFlow<TInput extends { workflow?: PayjpRunContext['workflow'] | undefined }, TValue, TSnapshot extends PayjpFlowSnapshot<TValue>>(
  resource: PayjpResource<TInput, TValue, TSnapshot>,
  initialOptions: PayjpFlowOptions<TSnapshot>,
): PayjpFlow<TInput, TSnapshot> {
  let options = initialOptions;
  let running: { controller: AbortController; promise: Promise<TSnapshot>; run: Run } | null = null;
  let openUi: PayjsUi | null = null;
  let saved: { cardId?: string } = {};
  let base: PayjpFlowSnapshot<TValue> = IDLE_SNAPSHOT;
  const store = createFlowStore<TSnapshot>(resource.view(base, saved), () => options, stop);

  function stop() {
    running?.controller.abort(new ThreeDSecureError('canceled', 'Canceled'));
    running = null;
    openUi?.dispose();
    openUi = null;
  }

  function emit(run: Run, event: ThreeDSecureEventDetails) {
    emitEvent(options.onEvent, resource.event, run.startedAt, {
      ...(run.resourceId ? { resourceId: run.resourceId } : {}),
      ...(base.workflow ? { workflow: base.workflow } : {}),
      ...event,
    });
  }

  function set(patch: SnapshotPatch<TValue>, run?: Run): TSnapshot {
    const previous = base;
    base = snapshotOf(base, patch, resource.failureCodes);
    if (run && base.status !== previous.status && (base.status === 'succeeded' || base.status === 'failed')) emit(run, outcomeEvent(base.error));
    return store.publish(resource.view(base, saved));
  }

  function begin(task: (run: Run) => Promise<TSnapshot>, workflow: Run['workflow']): Promise<TSnapshot> {
    if (running) return running.promise;
    const controller = new AbortController();
    const run: Run = { backend: options.backend, attempts: options.attempts, workflow, dialogOptions: options.dialogOptions, signal: controller.signal, startedAt: Date.now() };
    const promise = task(run).finally(() => {
      if (running?.controller === controller) running = null;
    });
    running = { controller, promise, run };
    return promise;
  }

  async function redirect(value: TValue, ref: PayjpResourceRef, run: Run): Promise<TSnapshot> {
    set({ result: value });
    await leaveForStartPage({
      backend: run.backend,
      attempts: run.attempts,
      kind: resource.kind,
      resourceId: ref.id,
      chargeTag: ref.chargeTag,
      returnUrl: options.returnUrl,
      signal: run.signal,
      // "redirecting" before leaving: a UI shows it while the page unloads. `navigate` is read now, not at start.
      navigate: (url) => {
        set({ state: 'redirecting', workflow: 'redirect' });
        (options.navigate ?? ((target: string) => globalThis.location.assign(target)))(url);
      },
    });
    return store.getSnapshot();
  }

  function settle(value: TValue, verdict: PayjpVerdict & { final: true }, attemptId: string | null, run: Run): TSnapshot {
    forgetAttempt(run.attempts, attemptId);
    const { error } = verdict;
    return set({ state: error ? undefined : 'succeeded', result: value, error, stillConfirming: false, resumable: false }, run);
  }

  // `resumed`: a request never started (the page went away before it was shown) can get no result.
  async function confirm(ref: PayjpResourceRef, end: ChallengeEnd, attemptId: string | null, run: Run, resumed = false): Promise<TSnapshot> {
    set({ state: resource.confirmingState, stillConfirming: false, resumable: false });
    let polls = 0;
    const read = (signal: AbortSignal): Promise<PayjpRead<TValue>> => {
      polls += 1;
      emit(run, { type: 'poll', attempt: polls });
      return resource.read(ref, { ...run, signal, tokenized: ignore });
    };
    if (end.rejected) {
      const pollDelaysMs = (options.pollDelaysMs ?? CLOSED_SCREEN_DELAYS_MS).slice(0, 2);
      const closed = await confirmUntilFinal({ read, isFinal: (last) => last.verdict.final, signal: run.signal, pollDelaysMs, defaultTimeoutMs: 0 });
      if (closed.kind === 'final' && closed.value.verdict.final) return settle(closed.value.value, closed.value.verdict, attemptId, run);
      const last = closed.kind === 'timeout' ? closed.last : null;
      if (resource.unanswered(last?.value ?? null)) {
        forgetAttempt(run.attempts, attemptId);
        const error = new ThreeDSecureError('canceled', 'The shopper closed the 3-D Secure screen', { cause: end.error });
        return set({ state: 'canceled', ...(last ? { result: last.value } : {}), error }, run);
      }
    }
    const { confirmTimeoutMs, pollDelaysMs } = options;
    const result = await confirmUntilFinal({
      read,
      isFinal: (last) => last.verdict.final || (resumed && resource.notStarted?.(last.value) === true),
      signal: run.signal,
      ...(confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs }),
      ...(pollDelaysMs ? { pollDelaysMs } : {}),
      defaultTimeoutMs: DEFAULT_CONFIRM_TIMEOUT_MS,
      onStillConfirming: () => {
        set({ stillConfirming: true });
        emit(run, { type: 'still_waiting' });
      },
    });
    if (result.kind === 'final' && result.value.verdict.final) return settle(result.value.value, result.value.verdict, attemptId, run);
    if (result.kind === 'final') {
      // A resumed request that was never shown: forget it and go back to idle.
      forgetAttempt(run.attempts, attemptId);
      return set({ ...IDLE_SNAPSHOT });
    }
    const error = new ThreeDSecureError('status_unknown', `No 3-D Secure result yet for ${ref.id}; check again later`, result.error ? { cause: result.error } : {});
    return set({ state: 'error', ...(result.last ? { result: result.last.value } : {}), error, stillConfirming: false, resumable: attemptId !== null }, run);
  }

  function fail(cause: unknown, run: Run): TSnapshot {
    const resumable = findResumableAttempt(run.attempts, resource.kind, saved.cardId ? { cardId: saved.cardId } : {}) !== null;
    if (run.signal.aborted) {
      if (base.state === 'idle') return store.getSnapshot();
      return set({ state: 'canceled', stillConfirming: false, resumable, error: new ThreeDSecureError('canceled', 'The 3-D Secure run was canceled', { cause }) }, run);
    }
    return set({ stillConfirming: false, resumable, error: toThreeDSecureError(cause) }, run);
  }

  async function execute(input: TInput, run: Run): Promise<TSnapshot> {
    // The request leaves before React re-renders for the new state: the click costs one round trip.
    const creating = resource.create(input, { ...run, tokenized: () => set({ state: 'creating' }) });
    saved = resource.saved?.(input) ?? {};
    set({ ...IDLE_SNAPSHOT, state: resource.firstState(input), workflow: run.workflow });
    emit(run, { type: 'started' });
    try {
      const value = await creating;
      const ref = resource.ref(value);
      run.resourceId = ref.id;
      const verdict = resource.verdict(value);
      if (verdict.final) return settle(value, verdict, null, run);
      if (run.workflow === 'redirect') return await redirect(value, ref, run);
      // Saved before the challenge opens: a reload from here on resumes confirming, not a second challenge.
      const attemptId = saveInPageAttempt(run.attempts, {
        kind: resource.kind,
        resourceId: ref.id,
        workflow: run.workflow,
        ...saved,
        ...(ref.chargeTag ? { chargeTag: ref.chargeTag } : {}),
      });
      if (resource.challenge === 'create') {
        // pay.js showed the issuer while creating the token: the shopper is back already.
        emit(run, { type: 'returned' });
        return await confirm(ref, { rejected: false }, attemptId, run);
      }
      const shown = await showChallenge({
        resourceId: ref.id,
        workflow: run.workflow,
        getPayjp: () => options.getPayjp(),
        ...(options.popupFallback ? { popupFallback: options.popupFallback } : {}),
        ...(run.dialogOptions ? { dialogOptions: run.dialogOptions } : {}),
        neverStarted: async () => (resource.notStarted ? resource.notStarted((await resource.read(ref, { ...run, tokenized: ignore })).value) : false),
        onFallback: (fallback) => emit(run, { type: 'popup_fallback', fallback }),
        signal: run.signal,
        // "challenging" once pay.js has put its screen up, so no re-render delays the overlay.
        track: (ui) => {
          openUi = ui;
          if (!ui) return;
          set({ state: 'challenging', result: value });
          emit(run, { type: 'challenge_shown' });
        },
      });
      if (shown.kind === 'fallback-redirect') return await redirect(value, ref, run);
      if (shown.workflow !== run.workflow) set({ workflow: shown.workflow });
      emit(run, { type: 'returned' });
      return await confirm(ref, shown.end, attemptId, run);
    } catch (cause) {
      return fail(cause, run);
    }
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    setOptions(next) {
      const changed = running ? FIXED_PER_RUN.filter((key) => next[key] !== options[key]) : [];
      if (changed.length > 0) {
        warnInDevelopment(`${changed.join(', ')} changed while a ${resource.event} flow runs: the change applies to the next start(); call cancel() first to switch now.`);
      }
      options = next;
    },
    start: (input) => begin((run) => execute(input, run), input.workflow ?? options.workflow ?? 'iframe'),
    resume(filter = {}) {
      if (running) return running.promise;
      const attempt = findResumableAttempt(options.attempts, resource.kind, filter);
      if (!attempt) return null;
      return begin(async (run) => {
        run.resourceId = attempt.resourceId;
        saved = attempt.cardId ? { cardId: attempt.cardId } : {};
        set({ ...IDLE_SNAPSHOT, state: resource.confirmingState, workflow: attempt.workflow ?? null });
        emit(run, { type: 'started' });
        try {
          return await confirm({ id: attempt.resourceId, chargeTag: attempt.chargeTag }, { rejected: false }, attempt.id, run, true);
        } catch (cause) {
          return fail(cause, run);
        }
      }, attempt.workflow ?? 'iframe');
    },
    cancel() {
      if (running) stop();
    },
    reset() {
      stop();
      saved = {};
      set({ ...IDLE_SNAPSHOT });
    },
  };
}
