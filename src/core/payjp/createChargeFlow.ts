import { chargeResource, type ChargeState, type StartChargeOptions } from './engine/chargeResource';
import { createPayjpFlow } from './engine/createPayjpFlow';
import type { PayjpFlow, PayjpFlowOptions, PayjpLegacyStatus } from './engine/types';

export type { ChargeState, StartChargeOptions };

/** @deprecated Read `status` and `step`. The ten states of earlier versions (the snapshot's `state`). */
export type ChargeStatus = Exclude<PayjpLegacyStatus, 'verifying'>;

/** Options of {@link createChargeFlow}. */
export type ChargeFlowOptions = PayjpFlowOptions<ChargeState>;

/** The charge-time 3-D Secure flow: `start`, `resume`, `cancel`, `reset` and its snapshot. */
export type ChargeFlow = PayjpFlow<StartChargeOptions, ChargeState>;

/**
 * Charge-time 3-D Secure (支払い作成時の3Dセキュア) on the PAY.JP engine: the server creates the
 * charge for the amount it decides, payjs shows the issuer, then the server finishes it once the
 * issuer's result is in, however late. One create per start; the server's finish is idempotent.
 */
export function createChargeFlow(options: ChargeFlowOptions): ChargeFlow {
  return createPayjpFlow(chargeResource, options);
}
