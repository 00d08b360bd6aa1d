/** What the server tells the pages at run time (GET /api/shop-config). */
export interface ShopConfig {
  /** PAY.JP public key (`pk_test_sandbox` against the sandbox). */
  publicKey: string;
  /** pay.js: the sandbox's stand-in here, `https://js.pay.jp/v2/pay.js` in production. */
  payjsUrl: string;
  /** Where PAY.JP's 3-D Secure start page lives (the sandbox here, `https://api.pay.jp` in production). */
  payjpOrigin: string;
  /** Your Kuroco site (the sandbox here). */
  kurocoUrl: string;
}

export async function loadShopConfig(): Promise<ShopConfig> {
  const response = await fetch('/api/shop-config');
  if (!response.ok) throw new Error(`GET /api/shop-config answered ${response.status}`);
  return (await response.json()) as ShopConfig;
}
