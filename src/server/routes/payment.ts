import { isPayjpNotFound, toPaymentRouteError } from '../readPayjpError';
import { RouteError } from '../routeError';

/**
 * Runs one charge or token call on PAY.JP and maps its failure with the payment mapping (402 →
 * `card_declined`). `onNotFound` says what PAY.JP's 404 means for this lookup.
 */
export async function callPayment<T>(call: () => Promise<T>, options: { onNotFound?: () => RouteError; param?: string } = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RouteError) throw error;
    if (options.onNotFound && isPayjpNotFound(error)) throw options.onNotFound();
    throw toPaymentRouteError(error, options.param);
  }
}
