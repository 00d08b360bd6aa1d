import type { KurocoPurchaseEvent } from '../core/kuroco/kurocoPurchaseTypes';

/** What the provider's `onEvent` receives. */
export type ThreeDSecureProviderEvent = KurocoPurchaseEvent;
