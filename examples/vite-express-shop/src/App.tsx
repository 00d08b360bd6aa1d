import { useMemo } from 'react';
import { createKurocoBackend, createPayjpBackend } from 'react-3ds-kit';
import type { ShopConfig } from './shopConfig';
import { KurocoCheckoutPage } from './KurocoCheckoutPage';
import { KurocoReturnPage, KUROCO_RETURN_PATH } from './KurocoReturnPage';
import { PayjpCheckoutPage } from './PayjpCheckoutPage';
import { PayjpReturnPage } from './PayjpReturnPage';
import { ThanksPage } from './ThanksPage';

/** A tiny router on `location.pathname`: the example needs no router library. */
export function App({ config }: { config: ShopConfig }) {
  const backends = useMemo(
    () => ({
      kuroco: createKurocoBackend({
        baseUrl: config.kurocoUrl,
        // Sandbox access token; a real site uses the member's token or { type: 'cookie' }.
        auth: { type: 'token', token: 'sandbox-access-token' },
        returnPath: KUROCO_RETURN_PATH,
      }),
      payjp: createPayjpBackend({ baseUrl: '/api/3ds', allowedStartOrigins: [config.payjpOrigin] }),
    }),
    [config],
  );
  const path = location.pathname;

  if (path === '/kuroco') return <KurocoCheckoutPage backend={backends.kuroco} kurocoUrl={config.kurocoUrl} />;
  if (path === KUROCO_RETURN_PATH) return <KurocoReturnPage backend={backends.kuroco} />;
  if (path === '/pay') return <PayjpCheckoutPage backend={backends.payjp} config={config} />;
  if (path === '/pay/3ds-return') return <PayjpReturnPage backend={backends.payjp} />;
  if (path.startsWith('/thanks/')) return <ThanksPage chargeId={decodeURIComponent(path.slice('/thanks/'.length))} />;
  return (
    <main>
      <h1>react-3ds-kit shop</h1>
      <ul>
        <li>
          <a href="/kuroco">Kuroco EC × Paygent で注文する</a>
        </li>
        <li>
          <a href="/pay">PAY.JP で支払う</a> (<a href="/pay?workflow=redirect">リダイレクト型</a>)
        </li>
      </ul>
    </main>
  );
}
