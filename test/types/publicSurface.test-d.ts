// The public types of `react-3ds-kit` and `react-3ds-kit/core`: what the entries export and the
// shapes apps are written against. A change here is a change to the public API.
import { describe, expectTypeOf, it } from 'vitest';
import * as core from '../../src/core/index';
import type {
  CardVerification,
  CardVerificationFlow,
  CardVerificationState,
  ChargeFlow,
  ChargeState,
  ChargeSummary,
  Flow,
  FlowSnapshot,
  FlowStatus,
  KurocoBackend,
  KurocoOrderInput,
  KurocoPurchaseFlow,
  KurocoPurchaseResult,
  KurocoPurchaseSnapshot,
  PayjpBackend,
  PayjpFlow,
  PayjpFlowOptions,
  PayjpLegacyStatus,
  PayjpStep,
  PayjsLoader,
  StartCardVerificationOptions,
  StartChargeOptions,
  ThreeDSecureClient,
  ThreeDSecureErrorCode,
  ThreeDSecureEvent,
  ThreeDSecureEventFlow,
  ThreeDSecureEventListener,
  ThreeDSecureEventType,
} from '../../src/core/index';
import * as kit from '../../src/react/index';
import type { ThreeDSecureProviderProps, UseKurocoPurchaseResult, UsePayjpChargeResult, UseThreeDSecureResult } from '../../src/react/index';

describe('react-3ds-kit/core', () => {
  it('exports the stable names of DESIGN.md with their signatures', () => {
    expectTypeOf(core.parseAcsHtml).returns.toEqualTypeOf<core.ParsedAcsForm>();
    expectTypeOf(core.parseAcsHtml).parameter(1).toEqualTypeOf<core.ParseAcsHtmlOptions | undefined>();
    expectTypeOf(core.submitAcsForm).parameter(0).toEqualTypeOf<core.ParsedAcsForm>();
    expectTypeOf(core.loadPayjp).returns.toEqualTypeOf<Promise<core.PayjpStatic | null>>();
    expectTypeOf<InstanceType<typeof core.ThreeDSecureError>['code']>().toEqualTypeOf<ThreeDSecureErrorCode>();
  });

  it('leaves internals out', () => {
    expectTypeOf(core).not.toHaveProperty('createStore');
    expectTypeOf(core).not.toHaveProperty('createPayjpGetter');
    expectTypeOf(core).not.toHaveProperty('kurocoReturnStrategy');
    expectTypeOf(core).not.toHaveProperty('payjpReturnStrategy');
    expectTypeOf(core).not.toHaveProperty('readPayjsTokenError');
  });

  it('builds a client from a backend and, for PAY.JP, a pay.js loader', () => {
    expectTypeOf(core.createThreeDSecureClient<KurocoBackend>).returns.toEqualTypeOf<ThreeDSecureClient<KurocoBackend>>();
    expectTypeOf(core.createPayjsLoader).returns.toEqualTypeOf<PayjsLoader>();
    expectTypeOf<ThreeDSecureClient['payjs']>().toEqualTypeOf<PayjsLoader | null>();
  });

  it('gives the Kuroco purchase the flow contract', () => {
    expectTypeOf<KurocoPurchaseSnapshot>().toMatchTypeOf<FlowSnapshot>();
    expectTypeOf<KurocoPurchaseSnapshot['status']>().toEqualTypeOf<FlowStatus>();
    expectTypeOf<KurocoPurchaseSnapshot['step']>().toEqualTypeOf<'placing' | 'handing_off' | 'submitted' | null>();
    expectTypeOf<KurocoPurchaseFlow['purchase']>().returns.toEqualTypeOf<Promise<KurocoPurchaseResult>>();
    expectTypeOf(core.createKurocoPurchaseFlow).returns.toEqualTypeOf<KurocoPurchaseFlow>();
  });

  it('builds the PAY.JP flows on the one engine, with the flow contract and resume', () => {
    expectTypeOf(core.createPayjpFlow).toBeFunction();
    expectTypeOf(core).toHaveProperty('cardVerificationResource');
    expectTypeOf(core).toHaveProperty('chargeResource');
    expectTypeOf(core).toHaveProperty('tokenResource');
    expectTypeOf(core.createPayjpFlow(core.cardVerificationResource, {} as PayjpFlowOptions<CardVerificationState>)).toEqualTypeOf<
      PayjpFlow<StartCardVerificationOptions, CardVerificationState>
    >();
    expectTypeOf(core.createCardVerificationFlow).returns.toEqualTypeOf<CardVerificationFlow>();
    expectTypeOf(core.createChargeFlow).returns.toEqualTypeOf<ChargeFlow>();
    expectTypeOf<ChargeFlow>().toMatchTypeOf<Flow<StartChargeOptions, ChargeState, PayjpFlowOptions<ChargeState>>>();
    expectTypeOf<ChargeFlow['resume']>().returns.toEqualTypeOf<Promise<ChargeState> | null>();
  });

  it('gives the PAY.JP snapshots the one vocabulary, with the former names as deprecated aliases', () => {
    expectTypeOf<CardVerificationState>().toMatchTypeOf<FlowSnapshot>();
    expectTypeOf<CardVerificationState['status']>().toEqualTypeOf<FlowStatus>();
    expectTypeOf<CardVerificationState['step']>().toEqualTypeOf<PayjpStep | null>();
    expectTypeOf<PayjpStep>().toEqualTypeOf<'tokenizing' | 'creating' | 'challenging' | 'redirecting' | 'confirming'>();
    expectTypeOf<CardVerificationState['result']>().toEqualTypeOf<CardVerification | null>();
    expectTypeOf<CardVerificationState['verification']>().toEqualTypeOf<CardVerification | null>();
    expectTypeOf<ChargeState['result']>().toEqualTypeOf<ChargeSummary | null>();
    expectTypeOf<ChargeState['charge']>().toEqualTypeOf<ChargeSummary | null>();
    expectTypeOf<ChargeState['state']>().toEqualTypeOf<PayjpLegacyStatus>();
    expectTypeOf<StartChargeOptions['token']>().toEqualTypeOf<string | (() => Promise<string>) | undefined>();
  });

  it('types the monitoring events as a union on `type`, ids and codes only', () => {
    expectTypeOf<ThreeDSecureEventType>().toEqualTypeOf<
      'started' | 'challenge_shown' | 'popup_fallback' | 'returned' | 'poll' | 'still_waiting' | 'succeeded' | 'failed'
    >();
    expectTypeOf<ThreeDSecureEvent['flow']>().toEqualTypeOf<ThreeDSecureEventFlow>();
    expectTypeOf<ThreeDSecureEventFlow>().toEqualTypeOf<'card_verification' | 'charge' | 'token' | 'kuroco_purchase' | 'return'>();
    expectTypeOf<Extract<ThreeDSecureEvent, { type: 'failed' }>['code']>().toEqualTypeOf<ThreeDSecureErrorCode>();
    expectTypeOf<ThreeDSecureEventListener>().parameter(0).toEqualTypeOf<ThreeDSecureEvent>();
    expectTypeOf<PayjpFlowOptions['onEvent']>().toEqualTypeOf<ThreeDSecureEventListener | undefined>();
    expectTypeOf<ThreeDSecureClient['onEvent']>().toEqualTypeOf<ThreeDSecureEventListener | null>();
    expectTypeOf<core.ThreeDSecureClientOptions['onEvent']>().toEqualTypeOf<ThreeDSecureEventListener | undefined>();
    expectTypeOf<core.KurocoPurchaseEvent>().toMatchTypeOf<ThreeDSecureEvent>();
  });

  it('leaves the engine’s internals out', () => {
    expectTypeOf(core).not.toHaveProperty('createFlowRunner');
    expectTypeOf(core).not.toHaveProperty('emitEvent');
    expectTypeOf(core).not.toHaveProperty('deriveFlags');
    expectTypeOf(core).not.toHaveProperty('verdictOf');
  });
});

describe('react-3ds-kit', () => {
  it('exports the stable React names', () => {
    expectTypeOf(kit).toHaveProperty('ThreeDSecureProvider');
    expectTypeOf(kit).toHaveProperty('useThreeDSecure');
    expectTypeOf(kit).toHaveProperty('AcsFormAutoSubmit');
    expectTypeOf(kit).toHaveProperty('useKurocoPurchase');
    expectTypeOf(kit).toHaveProperty('useThreeDSecureReturn');
    expectTypeOf(kit).toHaveProperty('useThreeDSecureContext');
    expectTypeOf(kit).toHaveProperty('useThreeDSecureMessages');
    expectTypeOf(kit).not.toHaveProperty('usePayjpState');
    expectTypeOf(kit).not.toHaveProperty('useProviderState');
  });

  it('returns the PAY.JP flows’ snapshots from the hooks, with their actions', () => {
    expectTypeOf<UseThreeDSecureResult>().toMatchTypeOf<CardVerificationState>();
    expectTypeOf<UseThreeDSecureResult['status']>().toEqualTypeOf<FlowStatus>();
    expectTypeOf<UseThreeDSecureResult['isBusy']>().toEqualTypeOf<boolean>();
    expectTypeOf<UseThreeDSecureResult['resume']>().parameter(0).toEqualTypeOf<{ cardId: string }>();
    expectTypeOf<UsePayjpChargeResult>().toMatchTypeOf<ChargeState>();
    expectTypeOf<UsePayjpChargeResult['start']>().returns.toEqualTypeOf<Promise<ChargeState>>();
    expectTypeOf(kit).toHaveProperty('createPayjpFlow');
  });

  it('takes a client or the former props on the provider', () => {
    expectTypeOf<ThreeDSecureProviderProps['client']>().toEqualTypeOf<ThreeDSecureClient | undefined>();
    expectTypeOf<ThreeDSecureProviderProps['backend']>().toEqualTypeOf<KurocoBackend | PayjpBackend | undefined>();
    expectTypeOf<ThreeDSecureProviderProps>().toHaveProperty('publicKey');
    expectTypeOf<ThreeDSecureProviderProps>().toHaveProperty('onEvent');
  });

  it('keeps useKurocoPurchase’s fields, with the former status and the one vocabulary', () => {
    expectTypeOf<UseKurocoPurchaseResult['status']>().toEqualTypeOf<'idle' | 'pending' | 'success' | 'error'>();
    expectTypeOf<UseKurocoPurchaseResult['flowStatus']>().toEqualTypeOf<FlowStatus>();
    expectTypeOf<UseKurocoPurchaseResult['purchase']>().parameter(0).toEqualTypeOf<KurocoOrderInput>();
    expectTypeOf<UseKurocoPurchaseResult['purchaseAsync']>().returns.toEqualTypeOf<Promise<KurocoPurchaseResult>>();
    expectTypeOf<UseKurocoPurchaseResult['data']>().toEqualTypeOf<KurocoPurchaseResult | undefined>();
    expectTypeOf<UseKurocoPurchaseResult['isPending']>().toEqualTypeOf<boolean>();
    expectTypeOf<UseKurocoPurchaseResult['reset']>().toEqualTypeOf<() => void>();
  });
});
