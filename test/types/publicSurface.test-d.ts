// The public types of `react-3ds-kit` and `react-3ds-kit/core`: what the entries export and the
// shapes apps are written against. A change here is a change to the public API.
import { describe, expectTypeOf, it } from 'vitest';
import * as core from '../../src/core/index';
import type {
  FlowSnapshot,
  FlowStatus,
  KurocoBackend,
  KurocoOrderInput,
  KurocoPurchaseFlow,
  KurocoPurchaseResult,
  KurocoPurchaseSnapshot,
  PayjpBackend,
  PayjsLoader,
  ThreeDSecureClient,
  ThreeDSecureErrorCode,
} from '../../src/core/index';
import * as kit from '../../src/react/index';
import type { ThreeDSecureProviderProps, UseKurocoPurchaseResult } from '../../src/react/index';

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
