'use client';
import { useRouter } from 'next/navigation';
import { PayjpCheckout, ThreeDSecureProvider, type ThreeDSecureWorkflow } from 'react-3ds-kit';
import type { PayjpPageProps } from '../payjpPageProps';
import { useOrigin } from '../useOrigin';
import { usePayjpBackend } from '../usePayjpBackend';

/** Charge-time 3-D Secure: the browser sends `{ cartId }`; the server prices it and finishes the charge once. */
export function Checkout({ publicKey, payjsUrl, startOrigin, workflow }: PayjpPageProps & { workflow: ThreeDSecureWorkflow }) {
  const router = useRouter();
  const backend = usePayjpBackend(startOrigin);
  const origin = useOrigin();
  return (
    <ThreeDSecureProvider backend={backend} publicKey={publicKey} workflow={workflow} {...(payjsUrl ? { jsUrl: payjsUrl } : {})}>
      <PayjpCheckout
        order={{ cartId: 'basic' }}
        {...(origin ? { returnUrl: `${origin}/checkout/3ds-return` } : {})}
        onSucceeded={(charge) => router.push(`/thanks/${encodeURIComponent(charge.id)}`)}
      />
    </ThreeDSecureProvider>
  );
}
