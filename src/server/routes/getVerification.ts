import type { CardVerificationResponse } from '../../core/payjp/protocol';
import { jsonResponse } from '../json';
import { toCardVerification } from '../toCardVerification';
import type { RouteContext } from './context';
import { readRequestId } from './ids';
import { loadOwnedRequest } from './loadOwnedRequest';

/** `GET /card-verifications/{id}` → 200 `{ verification }`. */
export async function getVerification(request: Request, context: RouteContext, rawId: string): Promise<Response> {
  const id = readRequestId(rawId);
  const found = await loadOwnedRequest(request, context, id);
  const answer: CardVerificationResponse = { verification: toCardVerification(found, { acceptAttempted: context.acceptAttempted }) };
  return jsonResponse(200, answer);
}
