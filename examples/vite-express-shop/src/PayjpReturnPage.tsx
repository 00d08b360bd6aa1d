import { ThreeDSecureProvider, ThreeDSecureReturnStatus, type PayjpBackend } from 'react-3ds-kit';

/** The redirect workflow comes back here; the kit finishes the saved charge once, also after a reload. */
export function PayjpReturnPage({ backend }: { backend: PayjpBackend }) {
  return (
    <ThreeDSecureProvider backend={backend} workflow="redirect">
      <main>
        <h1>お支払い結果</h1>
        <ThreeDSecureReturnStatus
          retryAction={<a href="/pay?workflow=redirect">もう一度支払う</a>}
          onSucceeded={(_orderIds, { chargeId }) => chargeId && location.assign(`/thanks/${encodeURIComponent(chargeId)}`)}
        />
      </main>
    </ThreeDSecureProvider>
  );
}
