import { createStore, type Store } from '../store';
import { toThreeDSecureError } from '../errors';
import { emitEvent, joinListeners, outcomeEvent, type ThreeDSecureEventDetails } from '../events';
import { purchaseWithThreeDSecure } from './purchaseWithThreeDSecure';
import type { KurocoPurchaseResult } from './types';
import type {
  KurocoOrderSource,
  KurocoPurchaseFlow,
  KurocoPurchaseFlowOptions,
  KurocoPurchaseSnapshot,
} from './kurocoPurchaseTypes';

// The purchase of one client: every flow made with it reads and drives this one.
interface SharedPurchase {
  store: Store<KurocoPurchaseSnapshot>;
  /** The run under way, and after a hand-off the one that handed off (nothing is sent again). */
  running: Promise<KurocoPurchaseSnapshot> | null;
  /** Bumped by reset, so a run that was reset away does not write its late answer. */
  run: number;
  /** When the run started, for the events' timings. */
  startedAt: number;
}

const IDLE: KurocoPurchaseSnapshot = { status: 'idle', step: null, result: null, error: null, isBusy: false, canRetry: false, handOffKey: null };

const working = (step: KurocoPurchaseSnapshot['step'], result: KurocoPurchaseResult | null, handOffKey: string | null): KurocoPurchaseSnapshot => ({
  ...IDLE,
  status: 'working',
  step,
  result,
  isBusy: true,
  handOffKey,
});

const resultError = (snapshot: KurocoPurchaseSnapshot) => snapshot.error ?? new Error('no purchase result');

/** A Kuroco purchase flow over the client's shared purchase (see {@link KurocoPurchaseFlow}). */
export function createKurocoPurchaseFlow(initial: KurocoPurchaseFlowOptions): KurocoPurchaseFlow {
  let options = initial;
  const { client } = initial;
  const shared = client.registry.shared<SharedPurchase>('kuroco_purchase', () => ({ store: createStore(IDLE), running: null, run: 0, startedAt: 0 }));
  const { store } = shared;

  function emit(event: ThreeDSecureEventDetails, orderIds?: readonly number[]) {
    emitEvent(joinListeners(client.onEvent, options.onEvent), 'kuroco_purchase', shared.startedAt, orderIds ? { ...event, orderIds } : event, (options.now ?? Date.now)());
  }

  async function execute(source: KurocoOrderSource, run: number): Promise<KurocoPurchaseSnapshot> {
    const now = options.now ?? Date.now;
    shared.startedAt = now();
    const current = () => run === shared.run;
    store.setState(working('placing', null, null));
    emit({ type: 'started' });
    let result: KurocoPurchaseResult;
    try {
      // A failure to build the order (card tokenisation, say) is bad input: nothing was sent.
      let order;
      try {
        order = typeof source === 'function' ? await source() : source;
      } catch (cause) {
        throw toThreeDSecureError(cause, 'invalid_request');
      }
      result = await purchaseWithThreeDSecure(client.backend, order, client.attempts, { now });
    } catch (cause) {
      const error = toThreeDSecureError(cause);
      const failed: KurocoPurchaseSnapshot = { ...IDLE, status: 'failed', error, canRetry: error.code !== 'misconfigured' };
      if (!current()) return failed;
      shared.running = null;
      store.setState(failed);
      emit(outcomeEvent(error));
      options.onFailed?.(error, failed);
      return failed;
    }
    const orderIds = result.orderIds;
    const settled: KurocoPurchaseSnapshot = result.acsHtml
      ? working('handing_off', result, `kuroco:${orderIds.join(',')}`)
      : { ...IDLE, status: 'succeeded', result };
    if (!current()) return settled;
    // After a hand-off the page is leaving for the issuer: the run is kept, so nothing is sent twice.
    if (!result.acsHtml) shared.running = null;
    store.setState(settled);
    options.onPurchased?.(result);
    if (!result.acsHtml) {
      emit(outcomeEvent(null), orderIds);
      options.onSucceeded?.(settled);
    }
    return settled;
  }

  const start = (source: KurocoOrderSource) => {
    if (shared.running) return shared.running;
    shared.run += 1;
    const running = execute(source, shared.run);
    shared.running = running;
    return running;
  };

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    setOptions(next) {
      // The client holds the purchase this flow shows; another client is another purchase.
      // Warned in development only, like React's own warnings.
      if (process.env.NODE_ENV !== 'production' && next.client !== client) {
        console.warn('Unsupported option change on the Kuroco purchase flow: the client cannot change. Make a new flow (remount) for another client.');
      }
      options = { ...next, client };
    },
    start,
    async purchase(source) {
      const snapshot = await start(source);
      if (snapshot.status === 'failed' || !snapshot.result) throw resultError(snapshot);
      return snapshot.result;
    },
    markSubmitted() {
      const snapshot = store.getSnapshot();
      if (snapshot.step !== 'handing_off') return;
      store.setState({ ...snapshot, step: 'submitted' });
      emit({ type: 'challenge_shown' }, snapshot.result?.orderIds ?? []);
    },
    // The order already went out; there is nothing to stop. The answer still lands in the state.
    cancel() {},
    reset() {
      shared.run += 1;
      shared.running = null;
      store.setState(IDLE);
    },
  };
}
