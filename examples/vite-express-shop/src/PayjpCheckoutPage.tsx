import { PayjpCheckout, ThreeDSecureProvider, type PayjpBackend, type ThreeDSecureWorkflow } from 'react-3ds-kit';
import type { ShopConfig } from './shopConfig';

const WORKFLOWS: readonly ThreeDSecureWorkflow[] = ['iframe', 'subwindow', 'redirect'];

function workflowFromQuery(): ThreeDSecureWorkflow {
  const asked = new URLSearchParams(location.search).get('workflow');
  return WORKFLOWS.find((workflow) => workflow === asked) ?? 'iframe';
}

/** Charge-time 3-D Secure: the browser sends `{ cartId }`, the server prices it and finishes the charge once. */
export function PayjpCheckoutPage({ backend, config }: { backend: PayjpBackend; config: ShopConfig }) {
  return (
    <ThreeDSecureProvider backend={backend} publicKey={config.publicKey} jsUrl={config.payjsUrl} workflow={workflowFromQuery()}>
      <main>
        <h1>お支払い（PAY.JP）</h1>
        <p>ベーシックプラン 1か月: ¥1,200</p>
        <PayjpCheckout
          order={{ cartId: 'basic' }}
          returnUrl={`${location.origin}/pay/3ds-return`}
          onSucceeded={(charge) => location.assign(`/thanks/${encodeURIComponent(charge.id)}`)}
        />
      </main>
    </ThreeDSecureProvider>
  );
}
