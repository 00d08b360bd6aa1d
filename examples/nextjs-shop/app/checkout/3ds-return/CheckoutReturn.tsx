'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ThreeDSecureProvider, ThreeDSecureReturnStatus } from 'react-3ds-kit';
import { usePayjpBackend } from '../../usePayjpBackend';

/** Finishes the charge saved before leaving for PAY.JP (once, also after a reload), then shows the thanks page. */
export function CheckoutReturn({ startOrigin }: { startOrigin: string }) {
  const router = useRouter();
  const backend = usePayjpBackend(startOrigin);
  return (
    <ThreeDSecureProvider backend={backend} workflow="redirect">
      <ThreeDSecureReturnStatus
        retryAction={<Link href="/checkout?workflow=redirect">もう一度支払う</Link>}
        onSucceeded={(_orderIds, { chargeId }) => chargeId && router.push(`/thanks/${encodeURIComponent(chargeId)}`)}
      />
    </ThreeDSecureProvider>
  );
}
