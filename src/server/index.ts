export { createPayjpHandler } from './createPayjpHandler';
export type { PayjpCardLike, PayjpClientLike, PayjpHandler, PayjpHandlerOptions, PayjpThreeDSecureRequestLike } from './types';
export { toNodeListener } from './toNodeListener';
export type { NodeListener, NodeListenerOptions } from './toNodeListener';
export { getNodeRequest } from './nodeRequest';
export { signBackUrl } from './signBackUrl';
export { toCardVerification } from './toCardVerification';
export type {
  CardVerification,
  CardVerificationOutcome,
  CardVerificationResponse,
  CreateCardVerificationBody,
  CreateRedirectBody,
  PayjpProtocolError,
  PayjpProtocolErrorCode,
  PayjpProtocolErrorResponse,
  PayjpThreeDSecureRequestState,
  PayjpThreeDSecureStatus,
  RedirectResponse,
} from '../core/payjp/protocol';
