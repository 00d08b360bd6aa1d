import { sandboxOrigin } from './config';

const MESSAGE_SOURCE = 'payjp-sandbox';
/** The challenge page's message when it completes. */
export const COMPLETE = 'three-d-secure-complete';
/** The challenge page's message when the shopper cancels it. */
export const CANCELED = 'three-d-secure-canceled';

/** A challenge page's message about `id`. */
export interface ChallengeMessage {
  source: string;
  id: string;
  type?: unknown;
}

/** Whether `event` is the sandbox's challenge page (in `source`) speaking about `id`. */
export function isFromChallenge(event: MessageEvent, id: string, source: Window | null): event is MessageEvent<ChallengeMessage> {
  const data: unknown = event.data;
  return (
    event.origin === sandboxOrigin &&
    source !== null &&
    event.source === source &&
    data !== null &&
    typeof data === 'object' &&
    (data as ChallengeMessage).source === MESSAGE_SOURCE &&
    (data as ChallengeMessage).id === id
  );
}
