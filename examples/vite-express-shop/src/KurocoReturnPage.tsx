import { ThreeDSecureProvider, ThreeDSecureReturnStatus, type KurocoBackend } from 'react-3ds-kit';

/** Kuroco's card_3dsec_return_url: where Paygent sends the shopper back. */
export const KUROCO_RETURN_PATH = '/order/3dsec/';

export function KurocoReturnPage({ backend }: { backend: KurocoBackend }) {
  return (
    <ThreeDSecureProvider backend={backend}>
      <main>
        <h1>お支払い結果</h1>
        <ThreeDSecureReturnStatus retryAction={<a href="/kuroco">ご注文手続きに戻る</a>} />
      </main>
    </ThreeDSecureProvider>
  );
}
