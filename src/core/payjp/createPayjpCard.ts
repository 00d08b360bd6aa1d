import { ThreeDSecureError, toThreeDSecureError } from '../errors';
import { createStore, type ReadableStore } from '../store';
import type {
  PayjpElementsApi,
  PayjpInstance,
  PayjsCardholder,
  PayjsElement,
  PayjsElementChangeEvent,
  PayjsElementOptions,
  PayjsElementType,
  PayjsLocale,
  PayjsToken,
  ThreeDSecureDialogOptions,
} from './payjs';
import { isolateOverlay } from './isolateOverlay';
import { readPayjsTokenError } from './readPayjsTokenError';
import { toE164Phone } from './toE164Phone';

/** What the card fields say, merged over the fields in use. */
export interface PayjpCardState {
  ready: boolean;
  empty: boolean;
  complete: boolean;
  brand: string | null;
  /**
   * The first field error, as the kit's `invalid_card` (`providerCode` is payjs's, e.g. `invalid_number`;
   * `field` is the element it came from: `card`, `number`, `expiry` or `cvc`).
   */
  error: ThreeDSecureError | null;
}

/** Where to mount: the combined field, or the three split fields. */
export type PayjpCardTargets = { card: HTMLElement } | { number: HTMLElement; expiry: HTMLElement; cvc: HTMLElement };

export interface CreateTokenOptions {
  /** Token-time 3-D Secure: payjs shows the issuer while creating the token. */
  threeDSecure?: boolean;
  /**
   * Require the name and an e-mail or phone even without token 3-D Secure: the charge made with the
   * token will run 3-D Secure, which needs them. @default the value of `threeDSecure`
   */
  requireCardholder?: boolean;
  dialogOptions?: ThreeDSecureDialogOptions;
}

export interface PayjpCard extends ReadableStore<PayjpCardState> {
  /** Mounts payjs elements into the targets; the returned function unmounts them. */
  mount(targets: PayjpCardTargets, options?: PayjsElementOptions): () => void;
  /**
   * Creates a card token. With 3-D Secure, PAY.JP needs the cardholder's name and an e-mail or a
   * phone (converted to E.164 here); missing ones are an `invalid_card` error naming the field.
   */
  createToken(cardholder?: PayjsCardholder, options?: CreateTokenOptions): Promise<PayjsToken>;
}

export interface PayjpCardOptions {
  getPayjp(): Promise<PayjpInstance>;
  locale?: PayjsLocale;
}

const FIELD_OF_ELEMENT: Record<PayjsElementType, string> = { card: 'card', cardNumber: 'number', cardExpiry: 'expiry', cardCvc: 'cvc' };

const EMPTY: PayjpCardState = { ready: false, empty: true, complete: false, brand: null, error: null };

function hasElements(payjp: PayjpInstance): payjp is PayjpInstance & PayjpElementsApi {
  return typeof (payjp as Partial<PayjpElementsApi>).elements === 'function' && typeof (payjp as Partial<PayjpElementsApi>).createToken === 'function';
}

function normaliseCardholder(cardholder: PayjsCardholder, threeDSecure: boolean): PayjsCardholder {
  const result: PayjsCardholder = { ...cardholder };
  if (result.name !== undefined) result.name = result.name.trim();
  if (result.email !== undefined) result.email = result.email.trim();
  if (result.phone) result.phone = toE164Phone(result.phone);
  else delete result.phone;
  if (!result.email) delete result.email;
  if (threeDSecure) {
    if (!result.name) throw new ThreeDSecureError('invalid_card', 'PAY.JP needs the cardholder name for 3-D Secure', { field: 'name' });
    if (!result.email && !result.phone) throw new ThreeDSecureError('invalid_card', 'PAY.JP needs an e-mail address or a phone number for 3-D Secure', { field: 'email' });
  }
  return result;
}

/**
 * The card fields of payjs v2 (the combined field or the split ones) as one object: merged state
 * for the UI, and the token creation that PAY.JP's 3-D Secure rules apply to.
 */
export function createPayjpCard(options: PayjpCardOptions): PayjpCard {
  const store = createStore<PayjpCardState>(EMPTY);
  let mounted: { tokenElement: PayjsElement; payjp: PayjpInstance & PayjpElementsApi } | null = null;

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    mount(targets, elementOptions) {
      let disposed = false;
      let cleanup = () => {};
      void options.getPayjp().then((payjp) => {
        if (disposed) return;
        if (!hasElements(payjp)) throw new ThreeDSecureError('misconfigured', 'This pay.js has no elements()/createToken()');
        const group = payjp.elements(options.locale ? { locale: options.locale } : {});
        const slots: Array<[PayjsElementType, HTMLElement]> =
          'card' in targets ? [['card', targets.card]] : [['cardNumber', targets.number], ['cardExpiry', targets.expiry], ['cardCvc', targets.cvc]];
        const fields = new Map<PayjsElementType, PayjsElementChangeEvent | null>(slots.map(([type]) => [type, null]));
        let readyCount = 0;
        const publish = () => {
          const events = [...fields.values()];
          const [failingType, failing] = [...fields.entries()].find(([, event]) => event?.error) ?? [];
          const firstError = failing?.error;
          store.setState({
            ready: readyCount === slots.length,
            empty: events.every((event) => !event || event.empty),
            complete: events.every((event) => event?.complete === true),
            brand: events.find((event) => event?.brand)?.brand ?? null,
            error: firstError
              ? new ThreeDSecureError('invalid_card', firstError.message, {
                  providerCode: firstError.code ?? 'invalid',
                  providerMessage: firstError.message,
                  // Which field it is: payjs's `incomplete_error` does not say (for the per-field message).
                  ...(failingType ? { field: FIELD_OF_ELEMENT[failingType] } : {}),
                })
              : null,
          });
        };
        const elements = slots.map(([type, target]) => {
          const element = group.create(type, elementOptions);
          element.on('change', (event) => {
            fields.set(type, event);
            publish();
          });
          element.on('ready', () => {
            readyCount += 1;
            publish();
          });
          // payjs mounts by selector: give the target an id when it has none.
          if (!target.id) target.id = `payjp-${type}-${Math.random().toString(36).slice(2, 10)}`;
          element.mount(`#${target.id}`);
          return element;
        });
        mounted = { tokenElement: elements[0]!, payjp };
        cleanup = () => {
          for (const element of elements) element.unmount();
          mounted = null;
          store.setState(EMPTY);
        };
      }).catch((error: unknown) => {
        if (!disposed) store.setState({ ...EMPTY, error: toThreeDSecureError(error, 'payjs_load_failed') });
      });
      return () => {
        disposed = true;
        cleanup();
      };
    },
    async createToken(cardholder = {}, { threeDSecure = false, requireCardholder = threeDSecure, dialogOptions } = {}) {
      if (!mounted) throw new ThreeDSecureError('misconfigured', 'createToken() needs mounted card fields: render <PayjpCardElement> first');
      const card = normaliseCardholder(cardholder, requireCardholder);
      // Token 3-D Secure: pay.js may put its challenge overlay up; keep focus and screen readers in it.
      const isolation = threeDSecure ? isolateOverlay() : null;
      try {
        const result = await mounted.payjp.createToken(mounted.tokenElement, { card, ...(threeDSecure ? { three_d_secure: true } : {}) }, dialogOptions);
        if ('error' in result && result.error) throw readPayjsTokenError(result);
        return result as PayjsToken;
      } finally {
        isolation?.dispose();
      }
    },
  };
}
