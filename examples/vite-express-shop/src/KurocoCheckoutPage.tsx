import { PaygentCardForm, ThreeDSecureProvider, type KurocoBackend } from 'react-3ds-kit';

/** The sandbox's Paygent settings (merchant 39999, key `sandbox-token-key`); yours come from Paygent. */
const paygentFor = (kurocoUrl: string) => ({
  merchantId: '39999',
  tokenGeneratePubkey: 'sandbox-token-key',
  jsUrl: `${kurocoUrl}/paygent/js/PaygentToken.js`,
});

/** Card form → Paygent token → Kuroco order (sent once) → Paygent's 3-D Secure page. */
export function KurocoCheckoutPage({ backend, kurocoUrl }: { backend: KurocoBackend; kurocoUrl: string }) {
  return (
    <ThreeDSecureProvider backend={backend}>
      <main>
        <h1>ご注文手続き（Kuroco EC × Paygent）</h1>
        <p>テストカード: 4242 4242 4242 4242、有効期限は未来の年月、セキュリティコードは任意の3桁</p>
        <PaygentCardForm
          paygent={paygentFor(kurocoUrl)}
          order={{ product_id: 41201, quantity: 1, ec_payment_id: 58 }}
          // The action of the form in Kuroco's out_acs_html: the sandbox here, Paygent's 3-D Secure server in production.
          allowedActionOrigins={[kurocoUrl]}
        />
      </main>
    </ThreeDSecureProvider>
  );
}
