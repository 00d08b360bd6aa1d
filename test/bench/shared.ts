// What every PAY.JP bench page shares: the sandbox's origin and the demo shopper's saved card.
declare const __SANDBOX_URL__: string;

/** The sandbox stands in for PAY.JP on its own origin (api.pay.jp and js.pay.jp in production). */
export const SANDBOX_URL = __SANDBOX_URL__;
export const PAYJS_URL = `${SANDBOX_URL}/payjs/v2/pay.js`;
export const PUBLIC_KEY = 'pk_test_sandbox';

/** The signed-in demo shopper's first saved card, as a shop page would get it from its server. */
export async function savedCardId(): Promise<string> {
  const answer = (await (await fetch('/api/payjp-demo/cards')).json()) as { cards: Array<{ id: string }> };
  return answer.cards[0]!.id;
}
